import { UrlReaderService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { NotFoundError, NotModifiedError } from '@backstage/errors';

/** An object in the fake bucket: its full URL, content and last modification. */
export interface FakeObject {
  url: string;
  content: string;
  lastModified: Date;
}

/**
 * A URL reader over an in-memory bucket whose `readTree` behaves like the Backstage S3 and
 * Azure Blob readers: it lists every object whose URL starts with the prefix, gives paths
 * relative to the prefix with each object's last modification, and an empty tree etag,
 * unless `treeEtag` is set (as git hosts do), which it then honours with NotModifiedError.
 */
export function fakeObjectStore(
  objects: FakeObject[],
  options: { treeEtag?: string } = {},
) {
  const urlReader = mockServices.urlReader.mock();
  const readTree: UrlReaderService['readTree'] = async (
    prefix,
    readOptions,
  ) => {
    if (options.treeEtag && readOptions?.etag === options.treeEtag) {
      throw new NotModifiedError();
    }
    const below = objects.filter(o => o.url.startsWith(prefix));
    if (below.length === 0) {
      throw new NotFoundError(`no objects below ${prefix}`);
    }
    return {
      etag: options.treeEtag ?? '',
      files: async () =>
        below.map(o => ({
          path: o.url.slice(prefix.length),
          content: async () => Buffer.from(o.content),
          lastModifiedAt: o.lastModified,
        })),
      archive: async () => {
        throw new Error('not used');
      },
      dir: async () => {
        throw new Error('not used');
      },
    };
  };
  urlReader.readTree.mockImplementation(readTree);
  return urlReader;
}
