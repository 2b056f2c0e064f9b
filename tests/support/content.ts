import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadFrameworkOrThrow } from '@altitude/schema';

/**
 * Rewrites one file of a content folder. A change that changes nothing
 * throws: a pattern gone stale would otherwise leave the test testing nothing.
 */
export async function editContent(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(dir, file);
  const before = await readFile(target, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit to ${file} changed nothing`);
  await writeFile(target, after);
}

/** An update: the capability `patience` gets a new title (capabilities.yaml). */
export const retitlePatience = (text: string) => text.replace(/(slug: patience\n\s+title: )(.*)/, '$1Patience, over years');

/** A deletion: the tension `self-defined-role` goes, up to the next item (tensions.yaml; nothing refers to tensions). */
export const dropSelfDefinedRole = (text: string) => {
  const dropped = text.replace(/\n {2}- slug: self-defined-role\n[\s\S]*?(?=\n {2}- slug: |\n*$)/, '');
  if (dropped === text) throw new Error('tensions.yaml has no self-defined-role to drop');
  return dropped;
};

/** How many items a content folder holds (entities and sources): one change each from nothing. */
export async function itemCount(dir: string): Promise<number> {
  const framework = await loadFrameworkOrThrow(dir);
  return framework.entities.length + framework.sources.length;
}

/** How many subjects the change feed reports for this content: entities, sources, and each level's expectations. */
export async function changeSubjectCount(dir: string): Promise<number> {
  const framework = await loadFrameworkOrThrow(dir);
  return framework.entities.length + framework.sources.length + framework.levels.length * framework.dimensions.length;
}
