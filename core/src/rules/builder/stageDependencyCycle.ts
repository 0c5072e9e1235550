// Stages that copy from each other in a circle (`COPY --from`, `RUN --mount=from=`): the builder
// cannot order them and stops with "circular dependency detected on stage". Like the builder, only
// these copies count, not FROM (which can only name an earlier stage). A stage copying from itself
// is copy-from-own-stage's finding.
import { parseMount } from '../../cache';
import type { Flag, Instruction } from '../../parser';
import type { DocumentRule, Finding, LocalizedText } from '../rule';
import type { Stage } from '../../model';
import { hasVariable, referenceDocs, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  cycle: {
    en: (p: { stage: string; source: string; circle: LocalizedText }) =>
      `${p.stage} copies from ${p.source}, which in turn depends on ${p.stage} (stages in the circle: ` +
      `${p.circle.en}). The builder cannot order them and stops with "circular dependency detected". Copy in one ` +
      `direction only.`,
    ko: (p) =>
      `${p.stage}이(가) ${p.source}에서 복사하는데, 그 스테이지도 다시 ${p.stage}에 의존합니다(순환하는 스테이지: ${p.circle.ko}). 빌더가 순서를 정하지 못해 ` +
      `"circular dependency detected"로 멈춥니다. 한 방향으로만 복사하세요.`,
  },
  /** The stages of a long circle: the first few, then how many more. */
  namesAndMore: {
    en: (p: { named: string; more: number }) => `${p.named} and ${p.more} more`,
    ko: (p) => `${p.named} 외 ${p.more}개`,
  },
});

/** A stage named by `COPY --from` (a name or an index) or `RUN --mount=from=` (a name only). */
interface CopySource {
  name: string;
  byIndex: boolean;
}

function copySource(instruction: Instruction, flag: Flag): CopySource | undefined {
  const flagName = flag.name.toLowerCase();
  let name: string | undefined;
  if (instruction.keyword === 'COPY' && flagName === 'from') name = flag.value;
  else if (instruction.keyword === 'RUN' && flagName === 'mount' && flag.value !== undefined)
    name = parseMount(flag.value).from;
  if (!name || hasVariable(name)) return undefined;
  return { name: name.toLowerCase(), byIndex: instruction.keyword === 'COPY' };
}

/** What each stage copies from (a summary: no positions). */
function copiedFrom(stage: Stage): CopySource[] {
  const sources: CopySource[] = [];
  for (const instruction of stage.instructions) {
    for (const flag of instruction.flags) {
      const source = copySource(instruction, flag);
      if (source) sources.push(source);
    }
  }
  return sources;
}

export const stageDependencyCycle: DocumentRule = {
  code: 'stage-dependency-cycle',
  kind: 'builder-error',
  scope: 'document',
  severity: 'error',
  docs: referenceDocs('copy---from'),
  description: text(
    'Stages copy from each other in a circle, so the builder cannot order them.',
    '스테이지들이 서로를 돌아가며 복사해 빌더가 순서를 정할 수 없습니다.',
  ),
  messages,
  category: 'builder',
  equivalents: [],
  examples: {
    invalid: [
      {
        dockerfile: 'FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\nCOPY --from=a /y /y\n',
        range: '1:5-1:13',
      },
    ],
    valid: ['FROM alpine AS a\nFROM alpine AS b\nCOPY --from=a /y /y\nFROM alpine\nCOPY --from=b /z /z\n'],
  },
  check({ stages, stageSummaries }) {
    const sources = stageSummaries(copiedFrom);
    if (sources.every((list) => list.length === 0)) return [];
    const byName = new Map<string, number>();
    for (const stage of stages)
      if (stage.name !== undefined && !byName.has(stage.name)) byName.set(stage.name, stage.index);
    const resolve = ({ name, byIndex }: CopySource): number | undefined =>
      byName.get(name) ?? (byIndex && /^\d+$/.test(name) && Number(name) < stages.length ? Number(name) : undefined);
    const edges = sources.map((list, from) =>
      [...new Set(list.map(resolve))].filter((to): to is number => to !== undefined && to !== from),
    );
    const component = cycleComponents(edges);
    // The stages of each circle, gathered once (not once per stage: 10,000 stages in one circle).
    const members = new Map<number, Stage[]>();
    for (const stage of stages) {
      const group = component[stage.index];
      if (group === undefined) continue;
      const list = members.get(group);
      if (list) list.push(stage);
      else members.set(group, [stage]);
    }
    const circles = new Map<number, LocalizedText>();
    const findings: Finding[] = [];
    for (const stage of stages) {
      const group = component[stage.index];
      if (group === undefined) continue;
      let circle = circles.get(group);
      if (circle === undefined) {
        circle = circleList(members.get(group)!);
        circles.set(group, circle);
      }
      for (const instruction of stage.instructions) {
        for (const flag of instruction.flags) {
          const source = copySource(instruction, flag);
          const target = source && resolve(source);
          if (target === undefined || target === stage.index || component[target] !== group) continue;
          findings.push({
            range: flag.range,
            instruction,
            message: messages.cycle({ stage: label(stage), source: label(stages[target]!), circle }),
          });
        }
      }
    }
    return findings;
  },
};

const label = (stage: Stage): string => (stage.name !== undefined ? `"${stage.name}"` : `stage ${stage.index}`);

/** At most this many stages are named in a message; a longer circle ends with "and N more". */
const CIRCLE_NAMES = 10;

function circleList(stages: readonly Stage[]): LocalizedText {
  const named = stages.slice(0, CIRCLE_NAMES).map(label).join(', ');
  const more = stages.length - CIRCLE_NAMES;
  return more > 0 ? messages.namesAndMore({ named, more }) : { en: named, ko: named };
}

/**
 * For each stage on a cycle, the id of its strongly connected component (Tarjan); undefined for
 * the rest. Iterative, with an explicit stack of (node, next edge) frames: a chain of 10,000
 * stages must not take 10,000 JavaScript stack frames.
 */
export function cycleComponents(edges: readonly (readonly number[])[]): (number | undefined)[] {
  const index: (number | undefined)[] = new Array(edges.length);
  const low: number[] = new Array(edges.length).fill(0);
  const onStack: boolean[] = new Array(edges.length).fill(false);
  const stack: number[] = [];
  const result: (number | undefined)[] = new Array(edges.length);
  /** The DFS path: each node with the position of the next edge to follow from it. */
  const path: number[] = [];
  const nextEdge: number[] = [];
  let counter = 0;
  const enter = (node: number): void => {
    index[node] = low[node] = counter++;
    stack.push(node);
    onStack[node] = true;
    path.push(node);
    nextEdge.push(0);
  };
  for (let root = 0; root < edges.length; root++) {
    if (index[root] !== undefined) continue;
    enter(root);
    while (path.length > 0) {
      const top = path.length - 1;
      const node = path[top]!;
      const out = edges[node]!;
      const i = nextEdge[top]!;
      if (i < out.length) {
        nextEdge[top] = i + 1;
        const next = out[i]!;
        if (index[next] === undefined) enter(next);
        else if (onStack[next]) low[node] = Math.min(low[node]!, index[next]!);
        continue;
      }
      // Every edge of `node` followed: close it, then fold its low link into its parent's.
      path.pop();
      nextEdge.pop();
      if (path.length > 0) {
        const parent = path[path.length - 1]!;
        low[parent] = Math.min(low[parent]!, low[node]!);
      }
      if (low[node] !== index[node]) continue;
      const members: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = false;
        members.push(member);
      } while (member !== node);
      if (members.length > 1) for (const m of members) result[m] = node;
    }
  }
  return result;
}
