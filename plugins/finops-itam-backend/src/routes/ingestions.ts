import { AuditorService } from '@backstage/backend-plugin-api';
import { CustomErrorBase, InputError, NotFoundError } from '@backstage/errors';
import {
  IngestionReport,
  finopsItamIngestionRunPermission,
  finopsItamReadPermission,
} from '@finops-itam/plugin-finops-itam-common';
import { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import { makeScratchDirectory } from '../shared/scratchDirectory';
import { z } from 'zod';
import { CostStore } from '../database/CostStore';
import { IngestionService } from '../ingestion/IngestionService';
import { SOURCE_ID_PATTERN } from '../sources/config';
import { readableIngestionReports, RequirePermission } from '../permissions';
import { createTypedRoutes } from '../schema';

/** 413: the error handler takes the status from `statusCode`. */
class UploadTooLargeError extends CustomErrorBase {
  readonly name = 'UploadTooLargeError';
  readonly statusCode = 413;
}

const HTTP_STATUS: Record<IngestionReport['status'], number> = {
  succeeded: 201,
  rejected: 400,
  failed: 500,
  running: 500,
};

const sourceLabel = z
  .string()
  .regex(SOURCE_ID_PATTERN, 'must be lowercase kebab-case, like "aws-focus"');

const uploadFields = z.object({ source: sourceLabel.default('upload') });

const listQuery = z.object({
  source: sourceLabel.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

function parse<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  input: unknown,
  what: string,
): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map(
      issue => `${issue.path.join('.') || what} ${issue.message}`,
    );
    throw new InputError(`Invalid ${what}: ${issues.join('; ')}`);
  }
  return result.data;
}

export interface IngestionRoutesOptions {
  ingestion: Pick<IngestionService, 'ingest'>;
  store: Pick<CostStore, 'getIngestion' | 'listIngestions'>;
  requirePermission: RequirePermission;
  auditor: AuditorService;
  /** `finopsItam.ingestion.uploadLimitMb`. */
  uploadLimitMb: number;
  /** Where uploads are written while they are read; the OS temp directory by default. */
  uploadDirectory?: string;
}

/** The scratch folder of each upload in progress, removed whatever the outcome. */
const uploadFolders = new WeakMap<Request, string>();

/** Receives the multipart body onto disk, turning multer's errors into HTTP answers. */
function createUploadReceiver(limitMb: number, directory: string) {
  // Cast: @types/multer pins its own copy of the express types, which do not line up.
  const upload = multer({
    // Disk, not memory: exports run to gigabytes. Each upload gets its own scratch folder,
    // named after this process, so one left by a killed backend is removed at the next start.
    storage: multer.diskStorage({
      destination: (req, _file, done) => {
        makeScratchDirectory('upload', directory).then(
          folder => {
            uploadFolders.set(req as unknown as Request, folder);
            done(null, folder);
          },
          error => done(error, ''),
        );
      },
    }),
    limits: {
      fileSize: Math.floor(limitMb * 1024 * 1024),
      files: 1,
      fields: 5,
      fieldSize: 1024,
    },
  }).single('file') as unknown as RequestHandler;

  return (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) => {
      upload(req, res, (error: unknown) => {
        if (!error) resolve();
        else if (error instanceof multer.MulterError) {
          if (error.code === 'LIMIT_FILE_SIZE') {
            reject(
              new UploadTooLargeError(
                `The file is larger than the upload limit of ${limitMb} MB ` +
                  `(finopsItam.ingestion.uploadLimitMb)`,
              ),
            );
          } else if (error.code === 'LIMIT_UNEXPECTED_FILE') {
            reject(
              new InputError(
                `Unexpected file field "${error.field}"; send one export in multipart field "file"`,
              ),
            );
          } else {
            reject(
              new InputError(`Invalid multipart upload: ${error.message}`),
            );
          }
        } else if ((error as NodeJS.ErrnoException).syscall) {
          reject(error); // the disk, not the request: a 500
        } else {
          reject(
            new InputError(
              `Invalid multipart upload: ${(error as Error).message}`,
            ),
          );
        }
      });
    });
}

/** `POST /ingestions` (upload), `GET /ingestions` and `GET /ingestions/:id`. */
export function createIngestionRoutes(options: IngestionRoutesOptions) {
  const { ingestion, store, requirePermission, auditor } = options;
  const receiveUpload = createUploadReceiver(
    options.uploadLimitMb,
    options.uploadDirectory ?? os.tmpdir(),
  );
  const router = createTypedRoutes();

  router.post('/ingestions', async (req, res) => {
    const event = await auditor.createEvent({
      eventId: 'cost-upload',
      severityLevel: 'medium',
      request: req,
    });
    let report: IngestionReport;
    try {
      // Before reading the body: a caller without the permission writes nothing to disk.
      await requirePermission(req, finopsItamIngestionRunPermission);
      try {
        await receiveUpload(req, res);
        if (!req.file) {
          throw new InputError('multipart field "file" is required');
        }
        const { source } = parse(uploadFields, req.body ?? {}, 'upload fields');
        report = await ingestion.ingest({
          sourceId: source,
          files: [
            { path: req.file.path, key: req.file.originalname || 'upload' },
          ],
        });
      } finally {
        // Also after a refused upload (too large, cut off): multer leaves the folder.
        const folder = uploadFolders.get(req);
        if (folder) await rm(folder, { recursive: true, force: true });
      }
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
    const meta = {
      sourceId: report.sourceId,
      fileName: report.fileName,
      ingestionId: report.id,
      status: report.status,
    };
    if (report.status === 'succeeded') {
      await event.success({ meta });
    } else {
      await event.fail({ meta, error: new Error(report.message) });
    }
    res.status(HTTP_STATUS[report.status]).json(report);
  });

  router.get('/ingestions', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    const { source, limit } = parse(listQuery, req.query, 'query');
    res.json(
      await readableIngestionReports(
        requirePermission,
        req,
        await store.listIngestions({ sourceId: source, limit }),
      ),
    );
  });

  router.get('/ingestions/:id', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    const report = await store.getIngestion(req.params.id);
    if (!report) {
      throw new NotFoundError(`No ingestion with id "${req.params.id}"`);
    }
    const [readable] = await readableIngestionReports(requirePermission, req, [
      report,
    ]);
    res.json(readable);
  });

  return router;
}
