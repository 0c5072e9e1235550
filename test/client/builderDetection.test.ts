// Which builder a build runs, from the CLI's real `version --format {{json .}}` output captured
// here (docker 28.2 client, docker 20.10 client, podman 4.3), the environment and buildx; the
// build arguments that follow from it; and the output confirming it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  builderOfOutput,
  detectBuilder,
  needsBuildxProbe,
  progressFor,
  versionFacts,
} from '../../client/src/docker/builderDetection';
import { builderLabel } from '../../client/src/docker/builderLabel';
import { imageBuildArgs } from '../../client/src/docker/imageBuildArgs';
import { english } from '../../client/src/l10n/translator';
import { fixture } from '../helpers/buildOutput';

const docker28 = fixture('version-docker28.json');
const docker20 = fixture('version-docker20.json');
const podman43 = fixture('version-podman43.json');

function kind(
  executable: string,
  versionStdout: string,
  env: Record<string, string>,
  buildxAvailable: boolean | undefined,
): string {
  return detectBuilder({ executable, env, versionStdout, buildxAvailable }).kind;
}

describe('builder detection', () => {
  it('reads the client version and tells podman from docker by the shape of `version`', () => {
    assert.deepEqual(versionFacts(docker28), { podman: false, clientVersion: '28.2.2' });
    assert.deepEqual(versionFacts(docker20), { podman: false, clientVersion: '20.10.24+dfsg1' });
    assert.deepEqual(versionFacts(podman43), { podman: true, clientVersion: '4.3.1' });
    assert.deepEqual(versionFacts('not json'), { podman: false, clientVersion: undefined });
    assert.deepEqual(versionFacts('{"Client": 3}'), { podman: false, clientVersion: undefined });
  });

  it('podman: by its version output, or by the configured path when it did not answer', () => {
    assert.equal(kind('docker', podman43, {}, undefined), 'podman'); // podman-docker's `docker` wrapper
    assert.equal(kind('/usr/bin/podman', '', {}, undefined), 'podman');
    assert.equal(kind('C:\\Program Files\\RedHat\\Podman\\podman.exe', '', {}, undefined), 'podman');
    assert.equal(kind('podman-remote', '', { DOCKER_BUILDKIT: '1' }, undefined), 'podman');
    assert.equal(needsBuildxProbe('podman', podman43), false);
    assert.equal(needsBuildxProbe('/usr/local/bin/docker', docker28), true);
    assert.equal(needsBuildxProbe('docker', podman43), false);
  });

  it('docker 23 and later: buildx when installed, the classic builder without it or with DOCKER_BUILDKIT=0', () => {
    assert.equal(kind('docker', docker28, {}, true), 'buildx');
    assert.equal(kind('docker', docker28, {}, false), 'classic'); // this machine's /usr/local/bin/docker
    assert.equal(kind('docker', docker28, { DOCKER_BUILDKIT: '0' }, true), 'classic');
    assert.equal(kind('docker', docker28, { DOCKER_BUILDKIT: 'false' }, true), 'classic');
    // DOCKER_BUILDKIT=1 without buildx: docker itself refuses ("buildx component is missing").
    assert.equal(kind('docker', docker28, { DOCKER_BUILDKIT: '1' }, false), 'buildx');
  });

  it('docker 20.10: the classic builder unless DOCKER_BUILDKIT=1 makes the client drive BuildKit', () => {
    assert.equal(kind('/usr/bin/docker', docker20, {}, false), 'classic');
    assert.equal(kind('/usr/bin/docker', docker20, { DOCKER_BUILDKIT: '1' }, false), 'buildkit');
    assert.equal(kind('/usr/bin/docker', docker20, { DOCKER_BUILDKIT: ' TRUE ' }, false), 'buildkit');
    assert.equal(kind('/usr/bin/docker', docker20, { DOCKER_BUILDKIT: 'maybe' }, false), 'classic');
  });

  it('a CLI that did not answer: the environment decides', () => {
    assert.equal(kind('docker', '', {}, undefined), 'classic');
    assert.equal(kind('docker', '', { DOCKER_BUILDKIT: '1' }, false), 'buildx');
  });

  it('the output confirms or corrects the detected builder', () => {
    assert.equal(builderOfOutput('classic', 'buildkit-plain'), 'buildkit');
    assert.equal(builderOfOutput('buildx', 'buildkit-rawjson'), 'buildx');
    assert.equal(builderOfOutput('buildkit', 'classic'), 'classic');
    assert.equal(builderOfOutput('classic', 'buildah'), 'podman');
    assert.equal(builderOfOutput('podman', 'unknown'), 'podman');
  });

  it('--progress=plain only where BuildKit reads it; nothing BuildKit-specific for podman or classic', () => {
    const request = { dockerfile: '/w/Dockerfile', context: '/w', tag: 'app:1' };
    const argv = (builder: 'buildx' | 'buildkit' | 'classic' | 'podman') =>
      imageBuildArgs({ ...request, progress: progressFor(builder) }, english);
    assert.deepEqual(argv('buildx'), ['build', '-f', '/w/Dockerfile', '-t', 'app:1', '--progress=plain', '/w']);
    assert.deepEqual(argv('buildkit'), ['build', '-f', '/w/Dockerfile', '-t', 'app:1', '--progress=plain', '/w']);
    assert.deepEqual(argv('classic'), ['build', '-f', '/w/Dockerfile', '-t', 'app:1', '/w']);
    assert.deepEqual(argv('podman'), ['build', '-f', '/w/Dockerfile', '-t', 'app:1', '/w']);
  });

  it('names each builder', () => {
    assert.deepEqual(
      (['buildx', 'buildkit', 'classic', 'podman'] as const).map((builder) => builderLabel(builder, english)),
      ['BuildKit (buildx)', 'BuildKit (DOCKER_BUILDKIT=1)', 'classic builder', 'Podman (buildah)'],
    );
  });
});
