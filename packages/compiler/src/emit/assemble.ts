import { ir, renderPath } from '@typestep/dsl';
import { statePathOf, type Diagnostic } from '../diagnostics/diagnostic.js';
import { emitChoiceTest } from './emit-condition.js';
import { emitResultTail, emitStateFields, type Language } from './emit-state.js';
import { emitByLanguage } from './emit-value.js';
import { setOwnField } from './own-field.js';
import { Placeholders } from './used-placeholders.js';

type Fields = Record<string, unknown>;
type Location = readonly (string | number)[];

/** A place where the next state attaches: a Next field, a Choice rule or default, … */
interface OpenEnd {
  /** Where the transition field is (`[…, 'Next']`), so a jump's own call can be its source. */
  readonly location: () => Location;
  connect(target: string): void;
  /** Closes the end with `"End": true`, or reports why it cannot be closed. */
  end(): void;
}

/** One `States` object: the top level, a Parallel branch or a Map processor. */
interface Scope {
  readonly states: Record<string, Fields>;
  /** Location of the object holding `States` (`[]`, or `['States', 'P', 'Branches', 0]`). */
  readonly location: Location;
}

interface Assembled {
  readonly start: string | undefined;
  readonly open: OpenEnd[];
}

export interface Emitted {
  readonly definition: Fields;
  readonly placeholders: ReadonlySet<string>;
  readonly diagnostics: readonly Diagnostic[];
  /** The builder call behind whatever is at a location (the nearest enclosing state). */
  readonly sourceOf: (location: Location) => ir.SourceSite | undefined;
}

const key = (location: Location) => location.join('\u0000');

/**
 * Turns a workflow's chain of operations into an ASL definition. Chains are walked in order;
 * each state is attached to the previous open ends, so Choice branches converge on whatever
 * follows the Choice, and ends still open at the end of a scope become `"End": true`.
 */
export function assemble(workflow: ir.WorkflowNode): Emitted {
  const placeholders = new Placeholders();
  const diagnostics: Diagnostic[] = [];
  const language: Language = { top: workflow.queryLanguage ?? 'JSONPath' };
  // Where each emitted state was built (keyed by its object: no per-state key to make), and where
  // each jump was written (keyed by its transition field's location; jumps are few).
  const stateSites = new WeakMap<object, ir.CapturedSite>();
  const jumpSites = new Map<string, ir.CapturedSite>();

  const report = (code: string, message: string, location: Location, site?: ir.CapturedSite) => {
    const source = site?.site;
    diagnostics.push({
      code,
      severity: 'error',
      message,
      workflow: workflow.name,
      location,
      statePath: statePathOf(workflow.name, location),
      ...(source && { source }),
    });
  };

  /**
   * Walks a chain's operations. `incoming` are the open ends the chain continues from (a fragment
   * attached with `.next()`): its first state connects them, and an `end()` in it closes them.
   */
  function chain(node: ir.ChainNode, scope: Scope, incoming: OpenEnd[] = []): Assembled {
    let start: string | undefined;
    let open = incoming;
    const enter = (target: string, jump?: ir.GotoNode) => {
      start ??= target;
      for (const end of open) {
        // A jump is reported at its own .goto() call, not at the state it leaves.
        if (jump) jumpSites.set(key(end.location()), jump.site);
        end.connect(target);
      }
    };
    for (const op of ir.chainOps(node)) {
      switch (op.kind) {
        case 'state': {
          const added = state(op.state, scope);
          if (!added) break;
          enter(op.state.name);
          open = added;
          break;
        }
        case 'goto':
          enter(op.target, op);
          open = [];
          break;
        case 'end':
          for (const end of open) end.end();
          open = [];
          break;
        case 'fragment': {
          const inner = chain(op.chain, scope, open);
          start ??= inner.start;
          open = inner.open;
          break;
        }
      }
    }
    return { start, open };
  }

  /** A nested scope (Parallel branch, Map processor): its own States, every open end closed. */
  function nested(node: ir.ChainNode, location: Location, owner: ir.StateNode): Fields {
    const scope: Scope = { states: {}, location };
    const inner = chain(node, scope);
    for (const end of inner.open) end.end();
    if (inner.start === undefined) {
      report('STEP003', `This branch of ${owner.type} state "${owner.name}" has no states. Add at least one state to it.`, location, owner.site);
    }
    return { StartAt: inner.start ?? '', States: scope.states };
  }

  /** Where a Choice rule, default or Catch goes: a jump, or a chain of new states in this scope. */
  function transition(target: ir.TransitionNode, scope: Scope, slot: OpenEnd, open: OpenEnd[]): void {
    if (target.kind === 'goto') {
      jumpSites.set(key(slot.location()), target.site);
      return slot.connect(target.target);
    }
    const inner = chain(target, scope);
    if (inner.start === undefined) open.push(slot);
    else slot.connect(inner.start);
    open.push(...inner.open);
  }

  /** Adds a state to its scope; returns its open ends, or undefined when its name is taken. */
  function state(node: ir.StateNode, scope: Scope): OpenEnd[] | undefined {
    const location = [...scope.location, 'States', node.name];
    if (Object.hasOwn(scope.states, node.name)) {
      report(
        'STEP101',
        `Two states are named "${node.name}". State names must be unique in the whole state machine; rename one of them.`,
        location,
        node.site,
      );
      return undefined;
    }
    const jsonata = node.queryLanguage === 'JSONata' || language.top === 'JSONata';
    const value = (inner: ir.ValueNode) => emitByLanguage(inner, jsonata, placeholders);
    const fields = emitStateFields(node, placeholders, language);
    stateSites.set(fields, node.site);
    setOwnField(scope.states, node.name, fields);
    const open: OpenEnd[] = [];
    const next: OpenEnd = {
      location: () => [...location, 'Next'],
      connect: (target) => void (fields.Next = target),
      end: () => void (fields.End = true),
    };

    switch (node.type) {
      case 'Succeed':
      case 'Fail':
        break;
      case 'Choice': {
        const rules: Fields[] = [];
        fields.Choices = rules;
        node.rules.forEach((rule, index) => {
          const emitted: Fields = { ...emitChoiceTest(rule.condition, jsonata, placeholders) };
          if (rule.comment !== undefined) emitted.Comment = rule.comment;
          if (rule.output) emitted.Output = value(rule.output);
          if (rule.assign) emitted.Assign = value(rule.assign);
          rules.push(emitted);
          transition(rule.target, scope, choiceSlot(emitted, 'Next', [...location, 'Choices', index, 'Next'], node), open);
        });
        if (node.otherwise) transition(node.otherwise, scope, choiceSlot(fields, 'Default', [...location, 'Default'], node), open);
        break;
      }
      case 'Parallel':
        fields.Branches = node.branches.map((branch, index) => nested(branch, [...location, 'Branches', index], node));
        emitResultTail(node, fields, placeholders, language);
        open.push(next);
        break;
      case 'Map': {
        const processor = nested(node.processor, [...location, node.processorField], node);
        fields[node.processorField] = node.processorConfig ? { ProcessorConfig: node.processorConfig, ...processor } : processor;
        emitResultTail(node, fields, placeholders, language);
        open.push(next);
        break;
      }
      default:
        open.push(next);
    }
    if ('catch' in node && node.catch) {
      fields.Catch = node.catch.map((rule, index) => {
        const emitted: Fields = { ErrorEquals: [...rule.errorEquals] };
        if (rule.comment !== undefined) emitted.Comment = rule.comment;
        if (rule.resultPath !== undefined) emitted.ResultPath = rule.resultPath === null ? null : renderPath(rule.resultPath);
        if (rule.output) emitted.Output = value(rule.output);
        if (rule.assign) emitted.Assign = value(rule.assign);
        const handlerEnds: OpenEnd[] = [];
        const slot: OpenEnd = {
          location: () => [...location, 'Catch', index, 'Next'],
          connect: (target) => void (emitted.Next = target),
          end: () => report('STEP004', `Catch[${index}] of "${node.name}" has an empty handler. Give it a state name or at least one state.`, [...location, 'Catch', index], node.site),
        };
        transition(rule.handler, scope, slot, handlerEnds);
        // A handler ends the execution where it stops: catch handlers do not converge.
        for (const end of handlerEnds) end.end();
        return emitted;
      });
    }
    if (node.unsafeFields) Object.assign(fields, node.unsafeFields);
    // Next / End are written when the following state is attached, so they come last, as people write them.
    return open;
  }

  function choiceSlot(holder: Fields, field: 'Next' | 'Default', location: Location, node: ir.ChoiceNode): OpenEnd {
    return {
      location: () => location,
      connect: (target) => void (holder[field] = target),
      end: () =>
        report(
          'STEP002',
          `${field === 'Next' ? 'This rule' : 'The otherwise branch'} of Choice "${node.name}" reaches the end of the workflow with no state to go to; a Choice cannot end an execution. End the branch with a succeed() or fail() state, or add a state after the choice.`,
          field === 'Next' ? location.slice(0, -1) : location,
          node.site,
        ),
    };
  }

  const top: Scope = { states: {}, location: [] };
  const root = chain(workflow.chain, top);
  for (const end of root.open) end.end();
  if (root.start === undefined) {
    report('STEP003', `Workflow "${workflow.name}" has no states. Add a first state after workflow(…).`, [], workflow.site);
  }

  const definition: Fields = {};
  if (workflow.queryLanguage !== undefined) definition.QueryLanguage = workflow.queryLanguage;
  if (workflow.comment !== undefined) definition.Comment = workflow.comment;
  definition.StartAt = root.start ?? '';
  definition.States = top.states;
  if (workflow.timeoutSeconds !== undefined) definition.TimeoutSeconds = workflow.timeoutSeconds;
  if (workflow.version !== undefined) definition.Version = workflow.version;

  /** The jump written at (or around) a location, else the deepest state on the way to it, else the workflow. */
  const sourceOf = (location: Location) => {
    for (let length = location.length; jumpSites.size > 0 && length > 0; length--) {
      const jump = jumpSites.get(key(location.slice(0, length)));
      if (jump) return jump.site;
    }
    let value: unknown = definition;
    let site = workflow.site;
    for (const part of location) {
      if (typeof value !== 'object' || value === null) break;
      value = (value as Record<string | number, unknown>)[part];
      const state = typeof value === 'object' && value !== null ? stateSites.get(value) : undefined;
      if (state) site = state;
    }
    return site.site;
  };
  return { definition, placeholders: placeholders.used, diagnostics, sourceOf };
}
