import type * as Sfn from '@aws-sdk/client-sfn';
import type { StoredStateMachine, Tag } from '../../store/records.js';
import { ApiError } from '../api-error.js';
import { resourceTypeOf } from '../arns.js';
import type { EndpointContext } from '../endpoint-context.js';
import type { RequestOf } from '../request-schemas.js';

/** AWS's quota: 50 tags per resource. */
const MAX_TAGS = 50;

/** `tags` with `added` put in: a key given again takes its new value. At most 50, or TooManyTags. */
export function mergeTags(resourceArn: string, tags: readonly Tag[], added: readonly Tag[]): Tag[] {
  const merged = new Map(tags.map((tag) => [tag.key, tag.value]));
  for (const tag of added) merged.set(tag.key, tag.value);
  if (merged.size > MAX_TAGS) {
    throw new ApiError('TooManyTags', `Too many tags: ${merged.size} on '${resourceArn}'; a resource can have at most ${MAX_TAGS}.`, { resourceName: resourceArn });
  }
  return [...merged].map(([key, value]) => ({ key, value }));
}

/** Tags are kept on state machines, the only taggable resource the local endpoint has. */
function taggedStateMachine(context: EndpointContext, resourceArn: string): StoredStateMachine {
  const type = resourceTypeOf(resourceArn);
  const stateMachine = type === 'stateMachine' ? context.store.stateMachine(resourceArn) : undefined;
  if (!stateMachine) throw new ApiError('ResourceNotFound', `Resource not found: '${resourceArn}'`, { resourceName: resourceArn });
  return stateMachine;
}

export function tagResource(context: EndpointContext, request: RequestOf<'TagResource'>): Sfn.TagResourceOutput {
  const stateMachine = taggedStateMachine(context, request.resourceArn);
  context.store.saveStateMachine({ ...stateMachine, tags: mergeTags(request.resourceArn, stateMachine.tags, request.tags) });
  return {};
}

export function untagResource(context: EndpointContext, request: RequestOf<'UntagResource'>): Sfn.UntagResourceOutput {
  const stateMachine = taggedStateMachine(context, request.resourceArn);
  const removed = new Set(request.tagKeys);
  context.store.saveStateMachine({ ...stateMachine, tags: stateMachine.tags.filter((tag) => !removed.has(tag.key)) });
  return {};
}

export function listTagsForResource(context: EndpointContext, request: RequestOf<'ListTagsForResource'>): Sfn.ListTagsForResourceOutput {
  return { tags: taggedStateMachine(context, request.resourceArn).tags };
}
