import { isObject, type JsonObject } from '../validate/model.js';

/**
 * The second line of a state's box, as the console shows the kind of work under the name:
 * `Task · lambda:invoke`, `Task · s3:listObjectsV2`, `Task · ${CheckFunction}`, `Wait · 5 s`,
 * `Map · distributed`, `Fail · OrderFailed`, or just the type.
 */
export function stateSubtitle(state: JsonObject): string {
  const type = typeof state['Type'] === 'string' ? state['Type'] : '?';
  const detail = detailOf(type, state);
  return detail === undefined ? type : `${type} · ${detail}`;
}

function detailOf(type: string, state: JsonObject): string | undefined {
  switch (type) {
    case 'Task':
      return typeof state['Resource'] === 'string' ? resourceDetail(state['Resource']) : undefined;
    case 'Wait':
      return typeof state['Seconds'] === 'number' ? `${state['Seconds']} s` : undefined;
    case 'Map': {
      const processor = state['ItemProcessor'];
      const mode = isObject(processor) && isObject(processor['ProcessorConfig']) ? processor['ProcessorConfig']['Mode'] : undefined;
      return mode === 'DISTRIBUTED' ? 'distributed' : undefined;
    }
    case 'Fail':
      return typeof state['Error'] === 'string' && !state['Error'].startsWith('{%') ? state['Error'] : undefined;
    default:
      return undefined;
  }
}

/**
 * The service and action of an integration (`arn:aws:states:::lambda:invoke`,
 * `arn:aws:states:::aws-sdk:s3:listObjectsV2`), a Lambda function or activity by name, or a
 * `${Placeholder}` as written; nothing for other resources.
 */
function resourceDetail(resource: string): string | undefined {
  const integration = /^arn:[^:]+:states:::(?:aws-sdk:)?(.+)$/.exec(resource);
  if (integration) return integration[1];
  const fn = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(resource);
  if (fn) return `lambda ${fn[1]}`;
  const activity = /^arn:[^:]+:states:[^:]*:[^:]*:activity:(.+)$/.exec(resource);
  if (activity) return `activity ${activity[1]}`;
  if (/^\$\{[^}]+\}$/.test(resource)) return resource;
  return undefined;
}
