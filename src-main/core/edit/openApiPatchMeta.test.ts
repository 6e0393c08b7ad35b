import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureDocument, loadOpenApiFixtures } from '../../../shared/testing/openapi/openApiFixtures';
import { forgetOpenApiDocuments } from '../openapi/openApiDocuments';
import { openApiPatchMeta } from './openApiPatchMeta';

// Merge keys read through the one OpenAPI source from the recorded apps/v1 document (an in-process
// stand-in for KubeHttp: unit level).

beforeAll(loadOpenApiFixtures);

function http(gv: string, text: string) {
  return {
    request: async (_m: string, path: string) => (path === '/openapi/v3' ? { paths: { [gv]: { serverRelativeURL: `/openapi/v3/${gv}?hash=A` } } } : { gitVersion: 'v1.35.4' }),
    raw: async () => ({ status: 200, statusText: 'OK', headers: new Headers(), body: new Blob([text]).stream(), text: async () => text }),
  } as any;
}

describe('openApiPatchMeta', () => {
  it('reads merge keys and strategies of a Deployment’s fields, through list items', async () => {
    forgetOpenApiDocuments();
    const meta = await openApiPatchMeta(http('apis/apps/v1', JSON.stringify(fixtureDocument('apis/apps/v1'))), 'apps', 'v1', 'Deployment');
    expect(meta(['spec', 'template', 'spec', 'containers'])).toEqual({ mergeKey: 'name', strategies: ['merge'] });
    expect(meta(['spec', 'template', 'spec', 'containers', 'ports'])).toEqual({ mergeKey: 'containerPort', strategies: ['merge'] });
    expect(meta(['spec', 'template', 'spec', 'containers', 'args'])).toEqual({ strategies: [] });
    expect(meta(['spec', 'template', 'metadata', 'labels', 'app'])).toEqual({ strategies: [] });
    expect(meta(['spec', 'nope'])).toEqual({ strategies: [] });
  });

  it('a kind the document does not describe is an error that says so', async () => {
    forgetOpenApiDocuments();
    await expect(openApiPatchMeta(http('apis/apps/v1', JSON.stringify(fixtureDocument('apis/apps/v1'))), 'apps', 'v1', 'Nothing'))
      .rejects.toThrow('does not describe Nothing in apps/v1');
  });
});
