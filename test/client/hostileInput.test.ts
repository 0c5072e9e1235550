// Hostile input is normal input: every function of the client that reads text the user, the
// workspace or docker controls finishes in linear time on its worst case, and gives the same
// answers as the regular expressions it replaced on ordinary input (property tests against
// copies of the old patterns, which are fine on short strings).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BuildkitErrorReport } from '../../client/src/docker/buildkitErrorReport';
import { BuildkitRawJsonOutputParser } from '../../client/src/docker/buildkitRawJsonOutput';
import { parseBuildkitVertexName } from '../../client/src/docker/buildkitVertexName';
import { DetectingBuildOutputParser } from '../../client/src/docker/buildOutputParser';
import { keywordOf } from '../../client/src/docker/buildOutput';
import { classifyDockerProbe, looksUnreachable } from '../../client/src/docker/dockerAvailability';
import { parseSize } from '../../client/src/docker/imageHistory';
import {
  imageReferenceProblem,
  isPathComponent,
  isRegistryHost,
  maxNameChars,
  suggestImageTag,
  suggestRepositoryName,
} from '../../client/src/docker/imageNames';
import { maxLineChars, OutputLineSplitter } from '../../client/src/docker/outputLines';
import { english } from '../../client/src/l10n/translator';

const worstCaseBudgetMs = 500;

/** Runs `work`, asserts it took less than the budget (the old patterns took seconds), returns its result. */
function fast<T>(what: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  const elapsed = performance.now() - started;
  assert.ok(elapsed < worstCaseBudgetMs, `${what} took ${elapsed.toFixed(0)} ms`);
  return result;
}

const n = 100_000;
const strings = (chars: string[], maxLength: number) =>
  fc.array(fc.constantFrom(...chars), { maxLength }).map((parts) => parts.join(''));

describe('image names: linear scans', () => {
  // The implementation before: three replaces, the second quadratic on a long inner run.
  const oldSuggest = (folderName: string): string => {
    const cleaned = folderName
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
      .replace(/[._-]{2,}/g, '-');
    return cleaned === '' ? 'image' : cleaned.slice(0, 128);
  };

  const worst: Array<[string, string, string]> = [
    ['100k "-" then a letter', `${'-'.repeat(n)}a`, 'a'],
    ['"a-" 50k times', 'a-'.repeat(n / 2), `${'a-'.repeat(63)}a`],
    ['a, 100k "-", a (the old pattern took ~10 s)', `a${'-'.repeat(n)}a`, 'a-a'],
    ['a, 100k "!", a', `a${'!'.repeat(n)}a`, 'a-a'],
    ['100k "._"', '._'.repeat(n / 2), 'image'],
    ['100k upper-case letters', 'A'.repeat(n), 'a'.repeat(128)],
    ['100k spaces', ' '.repeat(n), 'image'],
  ];
  for (const [what, input, expected] of worst) {
    it(`suggestRepositoryName: ${what}`, () =>
      assert.equal(
        fast(what, () => suggestRepositoryName(input)),
        expected,
      ));
  }

  it('a default tag from a 100k-character stage name is a valid reference of at most 255 characters', () => {
    const tag = fast('suggestImageTag', () => suggestImageTag('my app', `Build-${'-a'.repeat(n / 2)}`));
    assert.equal(imageReferenceProblem(tag, english), undefined);
    assert.ok(tag.length <= maxNameChars + ':latest'.length);
    assert.ok(tag.startsWith('my-app-build-a-a'));
    assert.ok(tag.endsWith('a:latest'));
  });

  it('same suggestions as before on ordinary names (property)', () => {
    const chars = ['a', 'b', 'Z', '1', '.', '_', '-', ' ', '!', '(', 'é', 'K', '\u212a'];
    fc.assert(
      fc.property(strings(chars, 40), (name) => suggestRepositoryName(name) === oldSuggest(name)),
      { numRuns: 3000 },
    );
  });

  it('at the 128-character cut it no longer ends in a separator', () => {
    const name = `${'a'.repeat(127)}-b`;
    assert.equal(oldSuggest(name), `${'a'.repeat(127)}-`);
    assert.equal(suggestRepositoryName(name), 'a'.repeat(127));
  });

  it('a suggestion is always a valid name part (property)', () => {
    const chars = ['a', 'Z', '1', '.', '_', '-', ' ', '/', ':', '@', '#'];
    fc.assert(
      fc.property(
        strings(chars, 300),
        (name) =>
          isPathComponent(suggestRepositoryName(name)) &&
          imageReferenceProblem(suggestImageTag(name, name), english) === undefined,
      ),
      { numRuns: 1000 },
    );
  });

  it('imageReferenceProblem: 100k-character input is answered at once', () => {
    assert.match(
      fast('long name', () => imageReferenceProblem(`${'a-'.repeat(n / 2)}a`, english)) ?? '',
      /at most 255 characters/,
    );
    assert.match(
      fast('long registry', () => imageReferenceProblem(`${'a.'.repeat(n / 2)}!/app`, english)) ?? '',
      /at most 255 characters/,
    );
    assert.match(
      fast('long tag', () => imageReferenceProblem(`app:${'a'.repeat(n)}`, english)) ?? '',
      /not a valid tag/,
    );
    assert.equal(
      fast('long tag quoted short', () => (imageReferenceProblem(`app:${'a'.repeat(n)}`, english) ?? '').length < 200),
      true,
    );
    assert.equal(
      fast('path component', () => isPathComponent(`${'a_'.repeat(n / 2)}_!`)),
      false,
    );
    assert.equal(
      fast('registry host', () => isRegistryHost(`${'a.'.repeat(n / 2)}!`)),
      false,
    );
  });

  it('follows docker reference grammar', () => {
    const valid = [
      'app',
      'app:1.0',
      'a__b',
      'a---b',
      'registry.example.com/team/app:dev',
      'localhost:5000/app',
      'localhost/app',
      '[::1]:5000/app',
      '127.0.0.1:5000/a/b',
      'Registry.Example/app',
      `${'a'.repeat(255)}:x`,
    ];
    const invalid = [
      'a___b',
      'a..b',
      'a.',
      '_a',
      'my_registry:5000/app',
      '-reg.io/app',
      'reg-.io/app',
      'reg.io:port/app',
      '[zz]/app',
      'a'.repeat(256),
      'f'.repeat(64),
    ];
    for (const reference of valid) assert.equal(imageReferenceProblem(reference, english), undefined, reference);
    for (const reference of invalid) assert.notEqual(imageReferenceProblem(reference, english), undefined, reference);
    assert.equal(imageReferenceProblem('f'.repeat(64).slice(0, 63), english), undefined, '63 hex characters is a name');
  });

  it('same verdicts as before on names without a registry part (property)', () => {
    const oldComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
    const oldTag = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
    const oldValid = (value: string): boolean => {
      const colon = value.indexOf(':', value.lastIndexOf('/') + 1);
      const name = colon === -1 ? value : value.slice(0, colon);
      const tag = colon === -1 ? undefined : value.slice(colon + 1);
      if (tag !== undefined && !oldTag.test(tag)) return false;
      return name.split('/').every((component) => oldComponent.test(component));
    };
    const chars = ['a', 'b', '1', '.', '_', '-', ':', 'X'];
    fc.assert(
      fc.property(strings(chars, 30), (value) => {
        if (value.trim() === '' || value.includes('/')) return true;
        return (imageReferenceProblem(value, english) === undefined) === oldValid(value);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('build output: linear on hostile lines', () => {
  const oldVertexPattern = /^\[([^\]]*?)\s*(\d+)\/(\d+)\]\s+(.*)$/;
  const oldVertexName = (name: string) => {
    const match = oldVertexPattern.exec(name.trim());
    if (match === null) return undefined;
    const prefixWords = (match[1] ?? '').split(/\s+/).filter((word) => word !== '');
    const instruction = match[4] ?? '';
    return {
      stage: prefixWords.filter((word) => !word.includes('/')).pop(),
      index: Number(match[2]),
      total: Number(match[3]),
      instruction,
      keyword: keywordOf(instruction),
    };
  };

  it('vertex name with a 100k-digit stage name (the old pattern took seconds)', () => {
    const stage = `a${'1'.repeat(n)}`;
    assert.deepEqual(
      fast('vertex name', () => parseBuildkitVertexName(`[${stage} 1/2] RUN x`)),
      { stage, index: 1, total: 2, instruction: 'RUN x', keyword: 'RUN' },
    );
    assert.equal(
      fast('unclosed', () => parseBuildkitVertexName(`[${' 1'.repeat(n / 2)}`)),
      undefined,
    );
    assert.equal(
      fast('no numbers', () => parseBuildkitVertexName(`[a${'1'.repeat(n)}] RUN x`)),
      undefined,
    );
  });

  it('vertex names read as before (property)', () => {
    const chars = ['[', ']', ' ', '1', '2', '/', 'a', 'R', 'U', 'N', '\t'];
    fc.assert(
      fc.property(strings(chars, 24), (name) => assert.deepEqual(parseBuildkitVertexName(name), oldVertexName(name))),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom('', 'build ', 'linux/amd64 web  '),
        fc.nat(99),
        fc.nat(99),
        fc.constantFrom('RUN make', 'COPY . .', 'FROM x AS y'),
        (prefix, index, total, instruction) => {
          const name = `[${prefix}${index}/${total}] ${instruction}`;
          assert.deepEqual(parseBuildkitVertexName(name), oldVertexName(name));
        },
      ),
    );
  });

  it('error report heading: 100k "] " without the final ":" (the old pattern was quadratic)', () => {
    const report = new BuildkitErrorReport();
    assert.equal(
      fast('heading', () => report.push(` > [${'] '.repeat(n / 2)}!`)),
      false,
    );
    assert.equal(report.failedStepName, undefined);
    assert.equal(report.push(' > [build 3/3] RUN make:'), true);
    assert.equal(report.failedStepName, '[build 3/3] RUN make');
    const oldHeading = /^ > (\[.*\] .*):$/;
    const chars = [' ', '>', '[', ']', ':', 'a', ' > ['];
    fc.assert(
      fc.property(strings(chars, 20), (tail) => {
        const line = ` > ${tail}`;
        const fresh = new BuildkitErrorReport();
        fresh.push(line);
        assert.equal(fresh.failedStepName, oldHeading.exec(line)?.[1]);
      }),
      { numRuns: 5000 },
    );
  });

  it('a plain build whose output hits every parser with 100k-character lines', () => {
    const parser = new DetectingBuildOutputParser(english);
    const lines = [
      `#5 [a${'1'.repeat(n)} 2/3] RUN make`,
      `#5 0.1 ${'\r'.repeat(n)}x`,
      ` > [${'] '.repeat(n / 2)}!`,
      `${' '.repeat(n)}1${' '.repeat(n)}|`,
      `a${':1'.repeat(n / 2)}x`,
      '#5 DONE 0.2s',
    ];
    const parsed = fast('plain parse', () => {
      for (const line of lines) parser.push(line, 0);
      return parser.finish(0, 0);
    });
    assert.equal(parsed.format, 'buildkit-plain');
    assert.deepEqual(
      parsed.steps.map((step) => [step.keyword, step.status, step.durationMs]),
      [['RUN', 'ran', 200]],
    );
  });

  it('rawjson: a vertex logging 1M characters without a newline is cut, not re-split at every record', () => {
    const parser = new BuildkitRawJsonOutputParser(english);
    parser.push(JSON.stringify({ vertexes: [{ digest: 'd1', name: '[1/1] RUN x' }] }), 0);
    const record = JSON.stringify({ logs: [{ vertex: 'd1', data: Buffer.from('y'.repeat(1000)).toString('base64') }] });
    const parsed = fast('rawjson logs', () => {
      for (let index = 0; index < 1000; index++) parser.push(record, 0);
      parser.push(JSON.stringify({ logs: [{ vertex: 'd1', data: Buffer.from('\nend\n').toString('base64') }] }), 0);
      return parser.finish(0, 0);
    });
    assert.deepEqual(
      parsed.steps[0]?.output.map((line) => line.length),
      [maxLineChars, 3],
    );
  });
});

describe('output lines: bounded and linear', () => {
  // The splitter before: re-split everything pending at each chunk, and /\r+$/ on each line.
  class OldSplitter {
    private pending = '';
    push(chunk: string): string[] {
      const parts = (this.pending + chunk).split('\n');
      this.pending = parts.pop() ?? '';
      return parts.map(OldSplitter.lastRedraw);
    }
    flush(): string[] {
      const rest = this.pending;
      this.pending = '';
      return rest === '' ? [] : [OldSplitter.lastRedraw(rest)];
    }
    static lastRedraw(line: string): string {
      const trimmed = line.replace(/\r+$/, '');
      return trimmed.slice(trimmed.lastIndexOf('\r') + 1);
    }
  }

  it('100k "\\r" inside a line (the old /\\r+$/ was quadratic)', () => {
    const splitter = new OutputLineSplitter();
    assert.deepEqual(
      fast('redraws', () => splitter.push(`${'\r'.repeat(n)}a\n`)),
      ['a'],
    );
    assert.deepEqual(
      fast('trailing returns', () => splitter.push(`b${'\r'.repeat(n)}\n`)),
      ['b'],
    );
  });

  it('a progress bar printing 10M characters without "\\n", 10k at a time, stays one bounded line', () => {
    const splitter = new OutputLineSplitter();
    const chunk = 'x'.repeat(10_000);
    const lines = fast('no newline', () => {
      for (let index = 0; index < 1000; index++) splitter.push(chunk);
      return splitter.flush();
    });
    assert.deepEqual(
      lines.map((line) => line.length),
      [maxLineChars],
    );
  });

  it('same lines as before for any chunking (property)', () => {
    const chars = ['a', 'b', '\r', '\n', ' '];
    fc.assert(
      fc.property(fc.array(strings(chars, 12), { maxLength: 8 }), (chunks) => {
        const now = new OutputLineSplitter();
        const old = new OldSplitter();
        const got = [...chunks.flatMap((chunk) => now.push(chunk)), ...now.flush()];
        const want = [...chunks.flatMap((chunk) => old.push(chunk)), ...old.flush()].filter(
          (line, index, all) => !(index === all.length - 1 && line === '' && !chunks.join('').endsWith('\n')),
        );
        assert.deepEqual(got, want);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('docker answers: linear classifiers', () => {
  it('layer sizes: 100k spaces (the old pattern was quadratic), and the same values as before', () => {
    assert.equal(
      fast('size', () => parseSize(`1${' '.repeat(n)}!`)),
      undefined,
    );
    assert.equal(
      fast('size', () => parseSize(`${'1'.repeat(n)}x`)),
      undefined,
    );
    const oldSize = (text: string): number | undefined => {
      const match = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?i?B)?\s*$/i.exec(text);
      if (match === null) return undefined;
      const factors: Record<string, number> = {
        B: 1,
        KB: 1e3,
        MB: 1e6,
        GB: 1e9,
        TB: 1e12,
        KIB: 1024,
        MIB: 1024 ** 2,
        GIB: 1024 ** 3,
      };
      const factor = factors[(match[2] ?? 'B').toUpperCase()];
      return factor === undefined ? undefined : Math.round(Number(match[1]) * factor);
    };
    fc.assert(
      fc.property(
        strings(['1', '2', '.', ' ', 'M', 'k', 'i', 'B', 'x'], 12),
        (text) => parseSize(text) === oldSize(text),
      ),
      { numRuns: 5000 },
    );
  });

  it('daemon errors: 1 MB of repeated first words (the old .* patterns were quadratic)', () => {
    assert.equal(
      fast('permission denied', () => looksUnreachable('permission denied '.repeat(60_000))),
      false,
    );
    assert.equal(
      fast('context', () => looksUnreachable('context '.repeat(n))),
      false,
    );
    const old = [/permission denied.*docker\.sock/i, /context .* (?:not found|does not exist)/i];
    const samples = [
      'Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock',
      'context "prod" not found',
      'error: Context "prod" does not exist',
      'permission denied\ndocker.sock',
      'context x\n not found',
    ];
    for (const sample of samples)
      assert.equal(
        looksUnreachable(sample),
        old.some((pattern) => pattern.test(sample)),
        sample,
      );
    const chars = ['context ', 'permission denied', ' not found', ' does not exist', 'docker.sock', '\n', 'x'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...chars), { maxLength: 8 }).map((parts) => parts.join('')),
        (text) => looksUnreachable(text) === old.some((pattern) => pattern.test(text)),
      ),
      { numRuns: 3000 },
    );
  });

  it('a probe that timed out names the command and the limit', () => {
    const availability = classifyDockerProbe(
      { exitCode: null, stdout: '', stderr: '', timedOutAfterMs: 10_000 },
      'docker',
      'tcp://10.0.0.1:2376',
      english,
    );
    assert.deepEqual(availability, {
      kind: 'daemonUnreachable',
      message:
        '"docker version" did not answer within 10 s, so the Docker daemon at tcp://10.0.0.1:2376 cannot be used. ' +
        'Check that it is running and responsive, or check "layerwise.docker.context" and DOCKER_HOST.',
      detail: 'no answer',
    });
  });
});
