import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** App config as read from YAML. */
type JsonObject = Record<string, unknown>;

/** The file `npm start` adds for scripts and CI, at the repository's root. */
export const SCRIPTED_ACCESS_FILE = path.resolve(
  __dirname,
  '../../../../app-config.scripted-access.yaml',
);

/** A token for the test; the file takes it from `FINOPS_ITAM_API_TOKEN`. */
export const SCRIPT_TOKEN = 'test-scripted-token-0123456789';

interface AccessRestriction {
  plugin: string;
  permission?: string | string[];
  permissionAttribute?: { action?: string | string[] };
}

interface ExternalAccess {
  type: string;
  options: { token: string; subject: string };
  accessRestrictions?: AccessRestriction[];
}

/** A string or list of them, each string split at spaces and commas, as Backstage reads it. */
const asList = (value?: string | string[]) =>
  value === undefined
    ? undefined
    : ([] as string[])
        .concat(value)
        .flatMap(v => v.split(/[ ,]/))
        .filter(Boolean);

/**
 * The config of the scripted-access file, as the backend reads it with the token set (the
 * file's `${FINOPS_ITAM_API_TOKEN}` substituted).
 */
export function scriptedAccessConfig(): JsonObject {
  const text = fs
    .readFileSync(SCRIPTED_ACCESS_FILE, 'utf8')
    .replace(/\$\{FINOPS_ITAM_API_TOKEN\}/g, SCRIPT_TOKEN);
  return parse(text) as JsonObject;
}

/** The file's static access whose token is the scripts' token. */
function scriptAccess(config: JsonObject): ExternalAccess {
  const backend = config.backend as
    | { auth?: { externalAccess?: ExternalAccess[] } }
    | undefined;
  const entries = backend?.auth?.externalAccess ?? [];
  const access = entries.find(
    e => e.type === 'static' && e.options.token === SCRIPT_TOKEN,
  );
  if (!access) {
    throw new Error(
      `${SCRIPTED_ACCESS_FILE} grants no static token from FINOPS_ITAM_API_TOKEN`,
    );
  }
  return access;
}

/**
 * What the file grants the scripts' token, as Backstage applies `accessRestrictions` (one
 * entry per plugin; none: every plugin, every permission): the plugins it may call and, per
 * plugin, whether a permission (its name, its action attribute) is granted.
 */
export function scriptedGrants(config: JsonObject) {
  const restrictions = scriptAccess(config).accessRestrictions;
  const forPlugin = (pluginId: string) =>
    restrictions?.find(r => r.plugin === pluginId);
  return {
    reachesPlugin(pluginId: string): boolean {
      return restrictions === undefined || forPlugin(pluginId) !== undefined;
    },
    grants(
      pluginId: string,
      permission: { name: string; attributes: { action?: string } },
    ): boolean {
      if (restrictions === undefined) return true;
      const own = forPlugin(pluginId);
      if (!own) return false;
      const names = asList(own.permission);
      const actions = asList(own.permissionAttribute?.action);
      const action = permission.attributes.action;
      return (
        (!names || names.includes(permission.name)) &&
        (!actions || (action !== undefined && actions.includes(action)))
      );
    },
  };
}
