import { Config } from '@backstage/config';
import { HostTypeFacts, InstanceTypeSetting } from './instanceTypes';

const INSTANCE_TYPES = 'finopsItam.licenses.instanceTypes';
const HOST_TYPES = 'finopsItam.licenses.hostTypes';

const isWhole = (value: unknown, min: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min;

function instanceTypeSetting(
  name: string,
  value: unknown,
): InstanceTypeSetting {
  const key = `${INSTANCE_TYPES}.${name}`;
  if (isWhole(value, 1)) return value;
  if (value && typeof value === 'object') {
    const { vcpus, threadsPerCore, ...rest } = value as Record<string, unknown>;
    if (Object.keys(rest).length > 0) {
      throw new Error(
        `${key} has unknown fields ${Object.keys(rest).join(
          ', ',
        )}; use vcpus and threadsPerCore`,
      );
    }
    if (!isWhole(vcpus, 1))
      throw new Error(
        `${key}.vcpus must be a whole number of vCPUs, at least 1`,
      );
    if (threadsPerCore === undefined) return { vcpus };
    if (threadsPerCore !== 1 && threadsPerCore !== 2) {
      throw new Error(
        `${key}.threadsPerCore must be 1 or 2, but is ${JSON.stringify(
          threadsPerCore,
        )}`,
      );
    }
    return { vcpus, threadsPerCore };
  }
  throw new Error(
    `${key} must be a whole number of vCPUs or { vcpus, threadsPerCore }`,
  );
}

function hostType(name: string, value: unknown): HostTypeFacts {
  const key = `${HOST_TYPES}.${name}`;
  const { physicalCores, sockets } = (value ?? {}) as Record<string, unknown>;
  if (!isWhole(physicalCores, 1))
    throw new Error(`${key}.physicalCores must be a whole number, at least 1`);
  if (!isWhole(sockets, 1))
    throw new Error(`${key}.sockets must be a whole number, at least 1`);
  return { physicalCores, sockets };
}

/** `finopsItam.licenses.instanceTypes` and `.hostTypes`, checked so a mistake names its key. */
export function readInstanceTypeConfig(config: Config): {
  instanceTypes: Record<string, InstanceTypeSetting>;
  hostTypes: Record<string, HostTypeFacts>;
} {
  const instanceTypes =
    config.getOptional<Record<string, unknown>>(INSTANCE_TYPES) ?? {};
  const hostTypes =
    config.getOptional<Record<string, unknown>>(HOST_TYPES) ?? {};
  return {
    instanceTypes: Object.fromEntries(
      Object.entries(instanceTypes).map(([name, value]) => [
        name,
        instanceTypeSetting(name, value),
      ]),
    ),
    hostTypes: Object.fromEntries(
      Object.entries(hostTypes).map(([name, value]) => [
        name,
        hostType(name, value),
      ]),
    ),
  };
}
