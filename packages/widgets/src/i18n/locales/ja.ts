import type { Translation } from '../messages.js';

/** The widgets' own words in Japanese, by their English. */
export const ja = {
  'level comparison': 'レベルの比較',
  level: 'レベル',
  'failure mode': '失敗パターン',
  'failure modes': '失敗パターン',
  'leverage mechanisms': 'レバレッジの生み出し方',
  'Loading {widget}…': '{widget}を読み込んでいます…',
  '{widget} unavailable': '{widget}を表示できません',
  'The attributes could not be read: {reason}': '属性を読み取れませんでした：{reason}',
  'The data could not be shown: {reason}': 'データを表示できませんでした：{reason}',
  'theme must be "light" or "dark", not "{value}".': 'theme には「light」か「dark」を指定してください（指定された値：「{value}」）。',
  'heading-level must be a whole number from 1 to 6, not "{value}".':
    'heading-level には 1～6 の整数を指定してください（指定された値：「{value}」）。',
  'Unknown level "{slug}". Valid levels: {valid}.': '「{slug}」というレベルはありません。指定できるレベル：{valid}',
  'Set the level attribute to a level. Valid levels: {valid}.': 'level 属性にレベルを指定してください。指定できるレベル：{valid}',
  'Unknown failure mode "{slug}". Valid failure modes: {valid}.':
    '「{slug}」という失敗パターンはありません。指定できる失敗パターン：{valid}',
  'Set the mode attribute to a failure mode. Valid failure modes: {valid}.':
    'mode 属性に失敗パターンを指定してください。指定できる失敗パターン：{valid}',
  'Unknown dimension slug "{slug}". Valid dimension slugs: {valid}.': '「{slug}」という観点はありません。指定できる観点：{valid}',
  'The comparison could not be made.': '比較を作成できませんでした。',
  'The endpoint "{endpoint}" is not an http(s) URL.': 'エンドポイント「{endpoint}」は http(s) の URL ではありません。',
  'No endpoint: set the endpoint attribute or <meta name="altitude-endpoint"> (the script was loaded from {script}).':
    'エンドポイントがありません。endpoint 属性か <meta name="altitude-endpoint"> を指定してください（スクリプトの読み込み元：{script}）。',
  'Could not reach the Altitude API at {endpoint}.': '{endpoint} の Altitude API に接続できませんでした。',
  'The Altitude API at {endpoint} did not answer within {seconds} seconds.':
    '{endpoint} の Altitude API から {seconds} 秒以内に応答がありませんでした。',
  'The static Altitude files at {endpoint} have no answer for these attributes ({url} was not found); check the slugs.':
    '{endpoint} の静的ファイルには、この属性に対応する応答がありません（{url} が見つかりません）。スラッグを確認してください。',
  'The Altitude API at {endpoint} answered {status} with something that is not GraphQL.':
    '{endpoint} の Altitude API が {status} を返しましたが、GraphQL の応答ではありません。',
  'The Altitude API at {endpoint} answered with malformed errors.': '{endpoint} の Altitude API から不正な形式のエラーが返されました。',
  'The Altitude API at {endpoint} answered {status}.': '{endpoint} の Altitude API が {status} を返しました。',
  Sources: '出典',
  "The framework's reading, built on its sources rather than stated by them.":
    '出典をもとにした本フレームワーク独自の解釈であり、出典に書かれている内容ではありません。',
  " (the framework's reading)": '（本フレームワークの解釈）',
  '{levels} compared': '{levels}の比較',
  'What each level expects on each dimension': '観点ごとに各レベルに求められること',
  Dimension: '観点',
  'Up from {level}: ': '{level}より上：',
  'Down from {level}: ': '{level}より下：',
  'Moving between these levels': 'これらのレベル間の移行',
  'What the level expects': 'このレベルに求められること',
  'Signs of operating below this level': 'このレベルに達していない兆候',
  'Steps in and out': 'このレベルへの移行と次のレベルへの移行',
  'From {level}': '{level}から',
  'On to {level}': '{level}へ',
  Symptoms: '兆候',
  Consequences: '招く結果',
  'What prevents it': '防ぐための取り組み',
  'How companies get the role wrong': '会社がこの役割で陥りがちな失敗',
  'How Distinguished Engineers create leverage': 'ディスティングイッシュトエンジニアがレバレッジを生み出す方法',
} satisfies Translation;
