// The names visible in a stage: its own ARG/ENV definitions, then the ENV of the stage it
// builds on (ARGs do not carry over to a child stage). Lookups through the base chain are
// memoised once the base stage is complete, so long `FROM <stage>` chains stay linear.
import type { VariableDefinition } from './definitions';

export class StageScope {
  private readonly own = new Map<string, VariableDefinition>();
  private readonly inheritedMemo = new Map<string, VariableDefinition | null>();

  /** `envNames` is shared by every scope of one model: names any ENV has defined so far. */
  constructor(
    private readonly base: StageScope | undefined,
    private readonly envNames: Set<string>,
  ) {}

  define(definition: VariableDefinition): void {
    this.own.set(definition.name, definition);
    if (definition.kind === 'env') this.envNames.add(definition.name);
  }

  find(name: string): VariableDefinition | undefined {
    return this.own.get(name) ?? this.inherited(name);
  }

  /** ENV visible to a stage built on this one (valid once this stage is complete). */
  findEnv(name: string): VariableDefinition | undefined {
    const definition = this.find(name);
    return definition?.kind === 'env' ? definition : undefined;
  }

  /** Every ENV the stage starts with, nearest definition first. */
  inheritedEnv(): Map<string, VariableDefinition> {
    const env = new Map<string, VariableDefinition>();
    const chain: StageScope[] = [];
    for (let scope = this.base; scope; scope = scope.base) chain.push(scope);
    for (const scope of chain.reverse()) {
      for (const [name, definition] of scope.own) {
        if (definition.kind === 'env') env.set(name, definition);
      }
    }
    return env;
  }

  private inherited(name: string): VariableDefinition | undefined {
    if (!this.base || !this.envNames.has(name)) return undefined;
    const memo = this.inheritedMemo.get(name);
    if (memo !== undefined) return memo ?? undefined;
    const found = this.base.findEnv(name);
    this.inheritedMemo.set(name, found ?? null);
    return found;
  }
}
