import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Button, Cell, CellText, Flex, Link, Text } from '@backstage/ui';
import {
  LicensePositionEntry,
  ReharvestCandidate,
} from '@finops-itam/plugin-finops-itam-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { useItamPageLink } from '../../hooks/useItamPageLink';
import { downloadTextFile } from '../../lib';
import { AccessDenied, isForbiddenError } from '../AccessDenied';
import { DataColumn, DataTable } from '../DataTable';
import { EntityLink } from '../EntityLink';
import { REASON_LABELS, reharvestCsv, shelfwareOf } from './reharvestCsv';
import { GlossaryTerm } from '../GlossaryTerm';

type CandidateRow = ReharvestCandidate & { id: string };
type ShelfwareRow = LicensePositionEntry & { id: string };

function refCell(entityRef: string | null, defaultKind: string) {
  return entityRef ? (
    <Cell>
      <EntityLink entityRef={entityRef} defaultKind={defaultKind} />
    </Cell>
  ) : (
    <CellText title="—" />
  );
}

function candidateColumns(
  requestLink?: (id: string) => string,
): DataColumn<CandidateRow>[] {
  return [
    {
      id: 'product',
      label: 'Product',
      isRowHeader: true,
      cell: candidate => <CellText title={candidate.productId} />,
    },
    {
      id: 'reason',
      label: 'Why',
      cell: candidate => (
        <CellText
          title={REASON_LABELS[candidate.reason] ?? candidate.reason}
          description={candidate.detail}
        />
      ),
    },
    {
      id: 'entity',
      label: 'Entity',
      cell: candidate => refCell(candidate.entityRef, 'component'),
    },
    {
      id: 'owner',
      label: 'Owner',
      cell: candidate => refCell(candidate.owner ?? null, 'group'),
    },
    {
      id: 'quantity',
      label: 'Quantity released',
      cell: candidate => <CellText title={String(candidate.quantity)} />,
    },
    {
      id: 'request',
      label: 'Onboarding request',
      cell: candidate =>
        candidate.onboardingRequestId && requestLink ? (
          <Cell>
            <Link href={requestLink(candidate.onboardingRequestId)}>
              {candidate.onboardingRequestId}
            </Link>
          </Cell>
        ) : (
          <CellText title={candidate.onboardingRequestId ?? '—'} />
        ),
    },
  ];
}

const SHELFWARE_COLUMNS: DataColumn<ShelfwareRow>[] = [
  {
    id: 'product',
    label: 'Product',
    isRowHeader: true,
    cell: entry => <CellText title={entry.productName} />,
  },
  {
    id: 'entitled',
    label: 'Entitled',
    cell: entry => <CellText title={String(entry.entitled)} />,
  },
  {
    id: 'required',
    label: 'Required (peak)',
    cell: entry => <CellText title={String(entry.required)} />,
  },
  {
    id: 'shelfware',
    label: 'Quantity released',
    cell: entry => <CellText title={String(entry.shelfware)} />,
  },
  {
    id: 'trueUp',
    label: 'True-up',
    cell: entry => <CellText title={entry.trueUpDate ?? '—'} />,
  },
];

/**
 * The Reharvest tab: licenses that could be released (deprecated or gone workloads, inactive
 * seats, workloads an onboarding request migrated) and shelfware, with owner and quantity;
 * both export to one CSV.
 */
export function ReharvestTab() {
  const api = useApi(finopsItamApiRef);
  const itamLink = useItamPageLink();
  const { loading, error, value } = useAsync(async () => {
    const [reharvest, position] = await Promise.all([
      api.getLicenseReharvest(),
      api.getLicensePosition(),
    ]);
    return {
      candidates: reharvest.candidates,
      shelfware: shelfwareOf(position),
    };
  }, [api]);

  if (loading) {
    return <Progress aria-label="Loading reharvest candidates" />;
  }
  if (error && isForbiddenError(error)) {
    return (
      <AccessDenied
        what="reharvest candidates"
        entityRef="the ITAM workspace"
        askWhom="your ITAM team"
      />
    );
  }
  if (error || !value) {
    const cause = error ?? new Error('The backend answered with nothing');
    return (
      <ResponseErrorPanel
        title={`Could not load reharvest candidates: ${cause.message}`}
        error={cause}
      />
    );
  }
  const { candidates, shelfware } = value;
  const nothing = candidates.length === 0 && shelfware.length === 0;

  return (
    <Flex direction="column" gap="4">
      <Flex justify="between" align="center">
        <Text as="h2" variant="title-small">
          <GlossaryTerm term="reharvest">Reharvest</GlossaryTerm>
        </Text>
        <Button
          variant="secondary"
          isDisabled={nothing}
          onPress={() =>
            downloadTextFile(
              'license-reharvest.csv',
              reharvestCsv(candidates, shelfware),
            )
          }
        >
          Export CSV
        </Button>
      </Flex>
      <Text as="h3" variant="title-x-small">
        Candidates
      </Text>
      <DataTable
        label="Reharvest candidates"
        columns={candidateColumns(
          itamLink ? id => itamLink({ request: id }) : undefined,
        )}
        items={candidates.map((candidate, index) => ({
          ...candidate,
          id: String(index),
        }))}
        empty={
          <Text as="p" color="secondary">
            No reharvest candidates: no license in use by a deprecated or
            missing workload, an inactive seat or a migrated workload.
          </Text>
        }
      />
      <Text as="h3" variant="title-x-small">
        <GlossaryTerm term="shelfware">Shelfware</GlossaryTerm>
      </Text>
      <DataTable
        label="Shelfware"
        columns={SHELFWARE_COLUMNS}
        items={shelfware.map(entry => ({ ...entry, id: entry.productId }))}
        empty={
          <Text as="p" color="secondary">
            No shelfware: every entitled license is required.
          </Text>
        }
      />
    </Flex>
  );
}
