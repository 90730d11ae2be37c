import { InstanceTypeTable } from './instanceTypes';

/** What a cost row says about the machine it bills, for counting licenses on it. */
export interface RowInstanceFacts {
  /** vCPUs of the VM; null when unknown (then `sizeProblem` says why). */
  vcpus: number | null;
  /** True when each vCPU is a whole core: the row says so, or its instance type runs one thread per core. */
  singleThreaded: boolean;
  /** Why the size is unknown, naming the field, e.g. `SkuPriceDetails.InstanceType "zz.odd" is not…`. */
  sizeProblem: string | null;
  /** Set when CoreCount and the instance type's vCPUs disagree: the vCPUs are counted. */
  coreCountMismatch: string | null;
  /** True when the row bills a dedicated host rather than a VM. */
  isHost: boolean;
  /** A host's physical cores and sockets (null when unknown); null for VMs and unknown hosts. */
  host: { physicalCores: number; sockets: number | null } | null;
}

const positiveInt = (value: unknown): number | null => {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
};

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** The instance type a row names, with the field it came from. */
function instanceTypeOf(
  details: Record<string, unknown>,
): { name: string; field: string } | null {
  for (const field of ['InstanceType', 'x_InstanceType']) {
    const name = text(details[field]);
    if (name) return { name, field };
  }
  return null;
}

/**
 * Reads a row's SkuPriceDetails (and FOCUS `ResourceType`) into the facts licensing counts:
 * vCPUs from an explicit vCPU column, else CoreCount, else the instance-type table. FOCUS
 * `CoreCount` may hold physical cores, so when it disagrees with a known instance type the
 * type's vCPUs are counted and the disagreement is kept to flag. A row whose resource type
 * is a dedicated host, or whose type is a host type of the table, bills a host.
 */
export function readInstanceFacts(
  details: Record<string, unknown>,
  resourceType: string | null | undefined,
  instanceTypes: InstanceTypeTable,
): RowInstanceFacts {
  const type = instanceTypeOf(details);
  const coreCount =
    positiveInt(details.CoreCount) ?? positiveInt(details.x_CoreCount);
  const hostType = instanceTypes.hostOf(type?.name);
  if (hostType || resourceType?.toLowerCase().includes('dedicated host')) {
    // A host's core count is its physical cores; sockets only from a provider column.
    const sockets =
      positiveInt(details.x_Sockets) ?? positiveInt(details.x_SocketCount);
    const host =
      hostType ?? (coreCount ? { physicalCores: coreCount, sockets } : null);
    return {
      vcpus: null,
      singleThreaded: false,
      sizeProblem: null,
      coreCountMismatch: null,
      isHost: true,
      host,
    };
  }
  const typeFacts = instanceTypes.factsOf(type?.name);
  const explicitVcpus =
    positiveInt(details.x_vCPUs) ?? positiveInt(details.x_VCpu);
  let vcpus = explicitVcpus ?? coreCount ?? typeFacts?.vcpus ?? null;
  let coreCountMismatch: string | null = null;
  if (
    explicitVcpus === null &&
    coreCount !== null &&
    typeFacts &&
    coreCount !== typeFacts.vcpus
  ) {
    vcpus = typeFacts.vcpus;
    coreCountMismatch = `CoreCount ${coreCount} vs ${
      typeFacts.vcpus
    } vCPUs for ${type!.name}; the ${
      typeFacts.vcpus
    } vCPUs are counted (CoreCount may be physical cores)`;
  }
  let sizeProblem: string | null = null;
  if (vcpus === null) {
    sizeProblem = type
      ? `SkuPriceDetails.${type.field} "${type.name}" is not a known instance type and the row has no CoreCount, so it is not counted; add it to finopsItam.licenses.instanceTypes`
      : 'the row has neither SkuPriceDetails.CoreCount nor an InstanceType, so it is not counted; add CoreCount to the export, or the instance type to SkuPriceDetails and finopsItam.licenses.instanceTypes';
  }
  const threads =
    positiveInt(details.ThreadsPerCore) ??
    positiveInt(details.x_ThreadsPerCore) ??
    typeFacts?.threadsPerCore;
  return {
    vcpus,
    singleThreaded: threads === 1,
    sizeProblem,
    coreCountMismatch,
    isHost: false,
    host: null,
  };
}
