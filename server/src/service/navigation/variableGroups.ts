// Which ARG/ENV declarations and `$NAME` uses belong together, so that navigation and rename
// treat them as one symbol. Within one scope (a stage, or the global ARGs before the first
// FROM) a name is one symbol; a use joins the definition it resolves to (an ENV inherited
// from a base stage, a global ARG in FROM), and `ARG NAME` in a stage joins the global ARG or
// predefined arg it redeclares.
import type { DockerfileModel, ResolvedReference, Stage, VariableDefinition } from '../../../../core/src/model';
import type { KeyValue, Range, VariableReference } from '../../../../core/src/parser';

export interface VariableOccurrence {
  name: string;
  range: Range;
  declaration: boolean;
  /** The scope the occurrence is written in (see scopeKey). */
  scope: string;
  definition: VariableDefinition | undefined;
  reference: ResolvedReference | undefined;
}

export interface VariableGroup {
  name: string;
  occurrences: VariableOccurrence[];
  /** The group includes a build argument the builder predefines (TARGETARCH, HTTP_PROXY, ...). */
  predefined: boolean;
  /** Scope keys the group lives in, to detect a rename onto a name already used there. */
  scopes: Set<string>;
}

export const scopeKey = (stage: Stage | undefined): string => (stage ? `stage${stage.index}` : 'global');

export class VariableGroups {
  private readonly groupByNode = new Map<string, VariableGroup>();
  private readonly byPair = new Map<KeyValue, VariableOccurrence>();
  private readonly byReference = new Map<VariableReference, VariableOccurrence>();

  constructor(model: DockerfileModel) {
    const parent = new Map<string, string>();
    const find = (node: string): string => {
      let root = node;
      while (parent.has(root)) root = parent.get(root)!;
      for (let at = node; at !== root; ) {
        const next = parent.get(at)!;
        parent.set(at, root);
        at = next;
      }
      return root;
    };
    const union = (a: string, b: string): void => {
      const rootA = find(a);
      const rootB = find(b);
      if (rootA !== rootB) parent.set(rootA, rootB);
    };
    // A base image's ENV has no stage: its own node, not the global ARGs' scope.
    const nodeOfDefinition = (definition: VariableDefinition): string =>
      definition.kind === 'predefined'
        ? `predefined:${definition.name}`
        : definition.image
          ? `image:${definition.name}`
          : `${scopeKey(definition.stage)}:${definition.name}`;

    const occurrences: [string, VariableOccurrence][] = [];
    for (const definition of model.definitions) {
      if (!definition.pair) continue;
      const node = nodeOfDefinition(definition);
      if (definition.redeclares) union(node, nodeOfDefinition(definition.redeclares));
      const occurrence: VariableOccurrence = {
        name: definition.name,
        range: definition.pair.key.range,
        declaration: true,
        scope: scopeKey(definition.stage),
        definition,
        reference: undefined,
      };
      this.byPair.set(definition.pair, occurrence);
      occurrences.push([node, occurrence]);
    }
    for (const resolved of model.references) {
      const node = `${scopeKey(resolved.stage)}:${resolved.reference.name}`;
      if (resolved.definition) union(node, nodeOfDefinition(resolved.definition));
      const occurrence: VariableOccurrence = {
        name: resolved.reference.name,
        range: resolved.reference.nameRange,
        declaration: false,
        scope: scopeKey(resolved.stage),
        definition: resolved.definition,
        reference: resolved,
      };
      this.byReference.set(resolved.reference, occurrence);
      occurrences.push([node, occurrence]);
    }
    for (const [node, occurrence] of occurrences) {
      const root = find(node);
      let group = this.groupByNode.get(root);
      if (!group) {
        group = { name: occurrence.name, occurrences: [], predefined: false, scopes: new Set() };
        this.groupByNode.set(root, group);
      }
      group.occurrences.push(occurrence);
      group.scopes.add(node.slice(0, node.indexOf(':')));
      if (occurrence.definition?.kind === 'predefined' || occurrence.definition?.redeclares?.kind === 'predefined')
        group.predefined = true;
      this.groupByNode.set(node, group);
    }
    for (const group of new Set(this.groupByNode.values()))
      group.occurrences.sort(
        (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
      );
  }

  groupOf(occurrence: VariableOccurrence): VariableGroup | undefined {
    return this.groupByNode.get(`${occurrence.scope}:${occurrence.name}`);
  }

  atPair(pair: KeyValue): VariableOccurrence | undefined {
    return this.byPair.get(pair);
  }

  atReference(reference: VariableReference): VariableOccurrence | undefined {
    return this.byReference.get(reference);
  }
}
