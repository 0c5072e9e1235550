// stage-dependency-cycle: Tarjan's components without recursion, checked against reachability
// on small graphs and on 100,000-stage rings and chains; the rule on 10,000 stages in one circle.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { cycleComponents } from '../../core/src/rules/builder/stageDependencyCycle';
import { initShellParser } from '../../core/src/shell';
import { ruleFindings } from '../helpers/rules';
import { seededRandom } from '../helpers/seededRandom';

before(() => initShellParser());

/** The same grouping by brute force: two nodes share a component when each reaches the other. */
function componentsByReachability(edges: readonly number[][]): (number | undefined)[] {
  const reach = edges.map((_, from) => {
    const seen = new Set<number>();
    const todo = [...edges[from]!];
    while (todo.length > 0) {
      const node = todo.pop()!;
      if (seen.has(node)) continue;
      seen.add(node);
      todo.push(...edges[node]!);
    }
    return seen;
  });
  return edges.map((_, a) => {
    const members = edges.map((__, b) => b).filter((b) => b !== a && reach[a]!.has(b) && reach[b]!.has(a));
    return members.length > 0 ? Math.min(a, ...members) : undefined;
  });
}

/** Components as sets of members, so ids chosen differently still compare equal. */
function groups(components: readonly (number | undefined)[]): number[][] {
  const byId = new Map<number, number[]>();
  components.forEach((id, node) => {
    if (id === undefined) return;
    byId.set(id, [...(byId.get(id) ?? []), node]);
  });
  return [...byId.values()].map((members) => members.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
}

describe('cycleComponents', () => {
  test('agrees with reachability on 500 random graphs', () => {
    const next = seededRandom(7);
    for (let round = 0; round < 500; round++) {
      const size = 1 + Math.floor(next() * 12);
      const edges = Array.from({ length: size }, (_, from) => {
        const out = new Set<number>();
        const count = Math.floor(next() * 3);
        for (let i = 0; i < count; i++) {
          const to = Math.floor(next() * size);
          if (to !== from) out.add(to);
        }
        return [...out];
      });
      assert.deepEqual(groups(cycleComponents(edges)), groups(componentsByReachability(edges)), JSON.stringify(edges));
    }
  });

  test('a ring of 100,000 nodes is one component', () => {
    const n = 100_000;
    const ring = Array.from({ length: n }, (_, i) => [(i + n - 1) % n]);
    const components = cycleComponents(ring);
    assert.equal(components.length, n);
    assert.ok(components.every((id) => id !== undefined && id === components[0]));
  });

  test('a chain of 100,000 nodes has no component, in either direction', () => {
    const n = 100_000;
    assert.ok(
      cycleComponents(Array.from({ length: n }, (_, i) => (i > 0 ? [i - 1] : []))).every((id) => id === undefined),
    );
    assert.ok(
      cycleComponents(Array.from({ length: n }, (_, i) => (i < n - 1 ? [i + 1] : []))).every((id) => id === undefined),
    );
  });

  test('two rings joined one way stay two components', () => {
    const edges = [[1], [2], [0, 3], [4], [3]];
    assert.deepEqual(groups(cycleComponents(edges)), [
      [0, 1, 2],
      [3, 4],
    ]);
  });
});

test('stage-dependency-cycle: 10,000 stages copying in one circle give one finding each, naming ten stages', () => {
  const out = ['FROM alpine:3.20 AS s0', 'COPY --from=s9999 /a /a'];
  for (let i = 1; i < 10_000; i++) out.push(`FROM alpine:3.20 AS s${i}`, `COPY --from=s${i - 1} /a /a`);
  const found = ruleFindings(`${out.join('\n')}\n`, { rules: { 'stage-dependency-cycle': 'error' } }).filter(
    ({ rule }) => rule.code === 'stage-dependency-cycle',
  );
  assert.equal(found.length, 10_000);
  const first = found[0]!.finding;
  assert.equal(first.range.start.line, 1);
  assert.ok(first.message.en.includes('"s0" copies from "s9999"'), first.message.en);
  assert.ok(
    first.message.en.includes(
      '(stages in the circle: "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9" and 9990 more)',
    ),
    first.message.en,
  );
  assert.ok(first.message.ko.includes('외 9990개'), first.message.ko);
});
