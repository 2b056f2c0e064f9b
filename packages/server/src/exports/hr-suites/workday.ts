import { asSentence, localeColumnSuffix, type Framework, type JobProfileOptions } from '@altitude/schema';
import { XMLBuilder } from 'fast-xml-parser';
import { hrModel, slugify, type HrCompetency, type HrModel, type HrOrigin, type HrRole } from './hr-model.js';
import { hrHtml, hrHtmlList } from './rich-html.js';

export const WORKDAY_NAMESPACE = 'urn:com.workday/bsvc';
export const SOAP_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';

/** The operations Altitude writes a request for, by file-name prefix. */
export const WORKDAY_OPERATIONS = ['Put_Job_Family', 'Put_Competency', 'Put_Job_Profile', 'Put_Translatable_Tenant_Data_Public'] as const;
export type WorkdayOperation = (typeof WORKDAY_OPERATIONS)[number];

/** One SOAP request, ready to POST to the tenant's endpoint for its service (with WS-Security added by the caller). */
export interface WorkdayRequest {
  readonly fileName: string;
  readonly operation: WorkdayOperation;
  readonly xml: string;
  readonly origin: HrOrigin;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ' });

type Xml = Record<string, unknown>;
const ref = (type: string, id: string): Xml => ({ 'wd:ID': { '@_wd:type': type, '#text': id } });

/** A SOAP envelope around one `wd:<operation>_Request`; text escaped by the builder (&, <, >, quotes). */
function envelope(operation: WorkdayOperation, request: Xml): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'env:Envelope': {
      '@_xmlns:env': SOAP_NAMESPACE,
      'env:Body': { [`wd:${operation}_Request`]: { '@_xmlns:wd': WORKDAY_NAMESPACE, ...request } },
    },
  });
}

/** The IDs a tenant is set up with before import (docs/hr-systems.md lists them). */
export const workdayIds = {
  family: (model: HrModel) => `family-${slugify(model.jobFamily)}`,
  /** A proficiency rating and a job level per level: `level-<slug>`. */
  level: (role: HrRole | { level: { slug: string } }) => `level-${role.level.slug}`,
};

function competencyDescription(c: HrCompetency): string {
  return `${hrHtml(c.summary)}${hrHtml(c.description)}`;
}

/** A job profile's description: the level's description, then what it expects on each dimension. */
function jobDescription(role: HrRole): string {
  const expectations = role.level.expectations.map((e) => ({ lead: e.dimension.title, text: `${asSentence(e.headline)} ${e.text.text}` }));
  return `${hrHtml(role.level.description)}${hrHtmlList(expectations)}`;
}

const fileSafe = (id: string) => id.replace(/[^A-Za-z0-9._-]+/g, '_');

export interface WorkdayOptions {
  readonly jobProfile: JobProfileOptions;
  /** The framework in every declared locale; each but the export's own gets a translation request. */
  readonly locales: readonly Framework[];
}

/**
 * Workday Web Services request bodies: the job family, a Put_Competency
 * per dimension, capability and leverage mechanism (a Rating_Behavior per
 * level, under the proficiency rating that stands for the level), a
 * Put_Job_Profile per level, and per further locale one
 * Put_Translatable_Tenant_Data_Public with the translated names, titles
 * and descriptions. Descriptions are HTML in Workday's rich-text fields.
 */
export function workdayRequests(model: HrModel, options: WorkdayOptions): WorkdayRequest[] {
  const familyId = workdayIds.family(model);
  const frameworkOrigin = {
    item: `the job family "${model.jobFamily}"`,
    location: { file: model.framework.headerFile, line: 1, column: 1 },
  };
  const requests: WorkdayRequest[] = [
    {
      fileName: `Put_Job_Family.${fileSafe(familyId)}.xml`,
      operation: 'Put_Job_Family',
      origin: frameworkOrigin,
      xml: envelope('Put_Job_Family', {
        'wd:Job_Family_Data': {
          'wd:ID': familyId,
          'wd:Name': model.jobFamily,
          'wd:Summary': model.framework.summary.text,
          'wd:Inactive': 'false',
        },
      }),
    },
    ...model.competencies.map((c) => ({
      fileName: `Put_Competency.${fileSafe(c.id)}.xml`,
      operation: 'Put_Competency' as const,
      origin: c.origin,
      xml: envelope('Put_Competency', {
        'wd:Competency_Data': {
          'wd:Competency_ID': c.id,
          'wd:Competency_Name': c.name,
          'wd:Competency_Description': competencyDescription(c),
          'wd:Proficiency_Rating_Behavior_Data': c.behaviours.map((b) => ({
            'wd:Proficiency_Rating_Reference': ref('Proficiency_Rating_ID', workdayIds.level(b)),
            'wd:Rating_Behavior': b.text,
          })),
        },
      }),
    })),
    ...model.roles.map((r) => ({
      fileName: `Put_Job_Profile.${fileSafe(r.jobCode)}.xml`,
      operation: 'Put_Job_Profile' as const,
      origin: r.origin,
      xml: envelope('Put_Job_Profile', {
        'wd:Job_Profile_Data': {
          'wd:Job_Code': r.jobCode,
          'wd:Job_Profile_Basic_Data': {
            'wd:Job_Title': r.title,
            'wd:Inactive': 'false',
            'wd:Job_Profile_Summary': r.level.summary.text,
            'wd:Job_Description': jobDescription(r),
            'wd:Job_Level_Reference': ref('Job_Level_ID', workdayIds.level(r)),
          },
          'wd:Job_Family_Data': { 'wd:Job_Family_Reference': ref('Job_Family_ID', familyId) },
        },
      }),
    })),
  ];
  for (const other of options.locales) {
    if (other.view.locale === model.framework.view.locale) continue;
    const m = hrModel(other, options.jobProfile);
    const language = localeColumnSuffix(other.view.locale);
    const attribute = (className: string, name: string, idType: string, values: readonly { id: string; text: string }[]): Xml => ({
      'wd:Translatable_Class_Name': className,
      'wd:Translatable_Attribute_Name': name,
      'wd:User_Language_Reference': ref('User_Language_ID', language),
      'wd:Translated_Value_for_Instance_Data': values.map((v) => ({
        'wd:Instance_Reference': ref(idType, v.id),
        'wd:Translated_Value': v.text,
      })),
    });
    requests.push({
      fileName: `Put_Translatable_Tenant_Data_Public.${fileSafe(language)}.xml`,
      operation: 'Put_Translatable_Tenant_Data_Public',
      origin: { item: `the ${other.view.locale} translation`, location: { file: other.headerFile, line: 1, column: 1 } },
      xml: envelope('Put_Translatable_Tenant_Data_Public', {
        'wd:Translatable_Tenant_Data_Data': [
          attribute(
            'Competency',
            'Competency_Name',
            'Competency_ID',
            m.competencies.map((c) => ({ id: c.id, text: c.name })),
          ),
          attribute(
            'Competency',
            'Competency_Description',
            'Competency_ID',
            m.competencies.map((c) => ({ id: c.id, text: competencyDescription(c) })),
          ),
          attribute(
            'Job_Profile',
            'Job_Title',
            'Job_Profile_ID',
            m.roles.map((r) => ({ id: r.jobCode, text: r.title })),
          ),
          attribute(
            'Job_Profile',
            'Job_Profile_Summary',
            'Job_Profile_ID',
            m.roles.map((r) => ({ id: r.jobCode, text: r.level.summary.text })),
          ),
          attribute(
            'Job_Profile',
            'Job_Description',
            'Job_Profile_ID',
            m.roles.map((r) => ({ id: r.jobCode, text: jobDescription(r) })),
          ),
        ],
      }),
    });
  }
  return requests;
}
