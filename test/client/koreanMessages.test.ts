// The pure modules word their messages through the Translator they are given: with the Korean
// bundle the extension ships they come out in Korean (durations and time limits too), and the
// translator itself picks the language as layerwise.docs.language says.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recordBuild } from '../../client/src/build/buildRecord';
import { buildSummaryLine, instructionLabel } from '../../client/src/build/buildSummary';
import { classifyDockerProbe } from '../../client/src/docker/dockerAvailability';
import { containerNameProblem, imageReferenceProblem } from '../../client/src/docker/imageNames';
import { formatTimeLimit, processProblem } from '../../client/src/docker/processOutcome';
import { outlineDockerfile } from '../../client/src/docker/parsedDockerfile';
import { bundleTranslator, chosenLanguage, english, formatMessage } from '../../client/src/l10n/translator';
import { fixture, parseText } from '../helpers/buildOutput';
import { korean } from '../helpers/translators';

describe('the translator', () => {
  it('auto follows the display language (Korean when it is Korean); en and ko force a language', () => {
    assert.equal(chosenLanguage('auto', 'ko'), 'ko');
    assert.equal(chosenLanguage('auto', 'ko-KR'), 'ko');
    assert.equal(chosenLanguage('auto', 'en-us'), 'en');
    assert.equal(chosenLanguage('auto', 'ja'), 'en');
    assert.equal(chosenLanguage('ko', 'en'), 'ko');
    assert.equal(chosenLanguage('en', 'ko'), 'en');
    assert.equal(chosenLanguage(undefined, 'ko'), 'ko');
  });

  it('fills {0}, {1} ... as vscode.l10n does, and falls back to English for a message the bundle lacks', () => {
    assert.equal(formatMessage('{1} before {0}, {2} stays', ['a', 2]), '2 before a, {2} stays');
    const partial = bundleTranslator('ko', {
      'Stopped {0}.': '{0}을(를) 중지했습니다.',
      'With comment': { message: '주석이 있는 항목' },
    });
    assert.equal(partial.t('Stopped {0}.', 'web'), 'web을(를) 중지했습니다.');
    assert.equal(partial.t('With comment'), '주석이 있는 항목');
    assert.equal(partial.t('Not translated {0}', 1), 'Not translated 1');
    assert.equal(english.t('Stopped {0}.', 'web'), 'Stopped web.');
    assert.equal(korean.language, 'ko');
  });
});

describe('messages in Korean', () => {
  it('input validation', () => {
    assert.equal(imageReferenceProblem('my app', korean), '이미지 이름에는 공백을 쓸 수 없습니다.');
    assert.equal(imageReferenceProblem('', korean), '이미지 이름을 입력하세요(예: myapp:latest).');
    assert.equal(
      containerNameProblem('-x', korean),
      '컨테이너 이름에는 영문자, 숫자, "_", ".", "-"를 쓰고, 영문자나 숫자로 시작하세요.',
    );
  });

  it('time limits, failed processes and an unreachable daemon', () => {
    assert.deepEqual(
      [1500, 20_000, 300_000].map((ms) => formatTimeLimit(ms, korean)),
      ['1.5초', '20초', '5분'],
    );
    const base = { exitCode: null, stdout: '', stderr: '' };
    assert.equal(
      processProblem({ ...base, timedOutAfterMs: 20_000 }, { executable: 'docker', args: ['history'] }, korean),
      '"docker history"이(가) 20초 안에 끝나지 않아 Layerwise가 프로세스를 종료했습니다. 실행 중이고 응답하는지 Docker 데몬 상태를 확인하세요.',
    );
    assert.equal(
      processProblem({ ...base, exitCode: 2 }, { executable: 'docker', args: ['ps'] }, korean),
      '"docker ps" 실패: 종료 코드 2',
    );
    const probe = classifyDockerProbe(
      { exitCode: 1, stdout: '', stderr: 'Cannot connect to the Docker daemon at unix:///x.sock.\n' },
      'docker',
      'unix:///x.sock',
      korean,
    );
    assert.equal(
      probe.kind === 'daemonUnreachable' ? probe.message : '',
      'unix:///x.sock의 Docker 데몬에 연결할 수 없습니다. ' +
        'Docker 실행 후 다시 시도하거나 "layerwise.docker.context"와 DOCKER_HOST 값을 확인하세요.',
    );
  });

  it('the build summary and the labels after each instruction, with Korean durations', () => {
    const result = recordBuild(
      {
        dockerfileUri: 'file:///w/Dockerfile',
        imageTag: 'lw:1',
        target: undefined,
        buildArgs: {},
        startedAt: 1000,
        finishedAt: 5200,
        exitCode: 0,
        canceled: false,
        parsed: parseText(fixture('buildkit-plain-cached.txt'), 0),
        outline: outlineDockerfile(fixture('multistage.Dockerfile')),
        layers: [],
      },
      korean,
    );
    assert.match(buildSummaryLine(result, korean), /^lw:1 빌드 완료\(4\.2초\) · 단계 \d+개 중 \d+개 캐시 사용$/);
    const labels = result.instructions.map((instruction) => instructionLabel(instruction, korean));
    assert.ok(
      labels.every((label) => /^(캐시 사용|실행( [\d.]+(ms|초))?|베이스 이미지)/.test(label)),
      JSON.stringify(labels),
    );
    const failed = recordBuild(
      {
        ...result,
        buildArgs: {},
        finishedAt: 2000,
        exitCode: 1,
        parsed: { format: 'unknown', steps: [], tags: [] },
        outline: outlineDockerfile('FROM scratch\n'),
        layers: [],
      },
      korean,
    );
    assert.equal(failed.failure?.message, '빌드가 종료 코드 1(으)로 끝났습니다.');
  });
});
