import { rootPath, type Path } from './path.js';

/** The context object (`$$`) as AWS documents it; `Item` is the Map item's type inside a Map. */
export interface ContextObject<Item = unknown> {
  readonly Execution: {
    readonly Id: string;
    readonly Input: unknown;
    readonly Name: string;
    readonly RoleArn: string;
    readonly StartTime: string;
    readonly RedriveCount: number;
    readonly RedriveTime: string;
  };
  readonly State: { readonly EnteredTime: string; readonly Name: string; readonly RetryCount: number };
  readonly StateMachine: { readonly Id: string; readonly Name: string };
  readonly Task: { readonly Token: string };
  readonly Map: { readonly Item: { readonly Index: number; readonly Value: Item } };
}

export type Context<Item = unknown> = Path<ContextObject<Item>>;

export const contextPath = <Item = unknown>(): Context<Item> => rootPath<ContextObject<Item>>('$$');
