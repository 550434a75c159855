import aslValidator from 'asl-validator';
import stateLint from '@wmfs/statelint';
import languageService, { type ASTNode, type JSONDocument } from 'amazon-states-language-service';

/**
 * asl-validator v4 with every check on (paths, payload templates, JSONata, ARNs). It is given a
 * copy: it writes a default QueryLanguage into the states of the object it validates.
 * Returns its error texts, empty when the definition is accepted.
 */
export function aslValidatorErrors(definition: unknown): string[] {
  const result = aslValidator(structuredClone(definition), { checkPaths: true, checkArn: true });
  const errors = result.errors.map((error) => `${error['Error code']}: ${error.Message}`);
  // Both views must agree, or the wrapper is reading the result wrongly.
  if (result.isValid !== (errors.length === 0)) throw new Error(`asl-validator: isValid=${result.isValid} with ${errors.length} errors`);
  return errors;
}

const linter = stateLint();

/** @wmfs/statelint's problems (it only knows JSONPath machines), empty when the definition is accepted. */
export function statelintProblems(definition: unknown): string[] {
  return linter.validate(structuredClone(definition));
}

/** True when some state (or the machine) uses JSONata, which statelint does not understand. */
export function usesJsonata(definition: unknown): boolean {
  let found = false;
  JSON.stringify(definition, (key, value: unknown) => {
    if (key === 'QueryLanguage' && value === 'JSONata') found = true;
    return value;
  });
  return found;
}

/** One complaint of AWS's language service: where it points (a path into the definition) and what it says. */
export interface LanguageServiceProblem {
  /** `States.Rows.ItemReader.ReaderConfig`: the JSON location of the node the diagnostic's range starts at. */
  readonly at: string;
  readonly message: string;
}

const { getLanguageService, TextDocument } = languageService;
const aslService = getLanguageService({});

/**
 * AWS's own `amazon-states-language-service` (the validation behind the VS Code / Toolkit ASL
 * editor): its JSON schema plus its state-graph checks, run on the definition's text exactly as
 * the editor runs them (`doValidation`). Empty when the definition is accepted.
 */
export async function languageServiceProblems(definition: unknown): Promise<LanguageServiceProblem[]> {
  const document = TextDocument.create('file:///definition.asl.json', 'json', 1, JSON.stringify(definition, null, 2));
  // The parsed document carries its syntax tree as `root` (the service's own checks read it there); its type does not say so.
  const json = aslService.parseJSONDocument(document) as JSONDocument & { readonly root?: ASTNode };
  const diagnostics = await aslService.doValidation(document, json, { comments: 'error', trailingCommas: 'error' });
  return diagnostics.map((diagnostic) => {
    const node = json.root && nodeAt(json.root, document.offsetAt(diagnostic.range.start));
    const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
    return { at: node ? locationOf(node) : '', message };
  });
}

/** The innermost node whose text holds the offset. */
function nodeAt(node: ASTNode, offset: number): ASTNode {
  const inner = node.children?.find((child) => child.offset <= offset && offset < child.offset + child.length);
  return inner ? nodeAt(inner, offset) : node;
}

/** The dotted location of a node (a property's key or value is at the property): keys and array indexes above it. */
function locationOf(node: ASTNode): string {
  const parts: (string | number)[] = [];
  for (let child: ASTNode = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'property') parts.unshift(parent.keyNode.value);
    else if (parent.type === 'array') parts.unshift(parent.items.indexOf(child));
  }
  return parts.join('.');
}
