/** Records which `${Name}` placeholders the emitted definition uses, in first-use order. */
export class Placeholders {
  readonly used = new Set<string>();

  use(name: string): string {
    this.used.add(name);
    return `\${${name}}`;
  }
}
