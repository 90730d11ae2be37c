import { useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Button, Cell, CellText, Flex, Text } from '@backstage/ui';
import { LicensePositionEntry } from '@finops-itam/plugin-finops-itam-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { formatAmount } from '../../lib';
import { AccessDenied, isForbiddenError } from '../AccessDenied';
import { DataColumn, DataTable, ToneCell } from '../DataTable';
import { metricLabel } from '../EntityLicensesContent/licenseLabels';
import { PositionDetails } from './PositionDetails';
import { POSITION_STATUS, signed } from './positionLabels';
import { GlossaryTerm } from '../GlossaryTerm';

type Row = LicensePositionEntry & { id: string };

function columns(
  expanded: string | undefined,
  toggle: (productId: string) => void,
): DataColumn<Row>[] {
  return [
    {
      id: 'product',
      label: 'Product',
      isRowHeader: true,
      cell: entry => (
        <CellText
          title={entry.productName}
          description={metricLabel(entry.metric)}
        />
      ),
    },
    {
      id: 'entitled',
      label: 'Entitled',
      cell: entry => <CellText title={String(entry.entitled)} />,
    },
    {
      id: 'required',
      label: 'Required (peak)',
      cell: entry => (
        <CellText
          title={String(entry.required)}
          description={
            entry.requiredNow !== undefined
              ? `now ${entry.requiredNow}`
              : undefined
          }
        />
      ),
    },
    {
      id: 'reserved',
      label: 'Reserved',
      cell: entry => <CellText title={String(entry.reserved ?? 0)} />,
    },
    {
      id: 'models',
      label: 'BYOL / license included',
      cell: entry => (
        <CellText
          title={`${entry.byolRequired} / ${entry.licenseIncludedRequired}`}
        />
      ),
    },
    {
      id: 'position',
      label: 'Position',
      cell: entry => <CellText title={signed(entry.position)} />,
    },
    {
      id: 'status',
      label: 'Status',
      cell: entry => {
        const status = POSITION_STATUS[entry.status];
        return status ? (
          <ToneCell title={status.label} tone={status.color} />
        ) : (
          <CellText title={entry.status} />
        );
      },
    },
    {
      id: 'exposure',
      label: 'Exposure per year',
      cell: entry => (
        <CellText
          title={
            entry.exposure
              ? formatAmount(entry.exposure.amount, entry.exposure.currency)
              : '—'
          }
        />
      ),
    },
    {
      id: 'trueUp',
      label: 'True-up',
      cell: entry => (
        <CellText
          title={entry.trueUpDate ?? '—'}
          description={
            entry.projectedAtTrueUp !== null
              ? `projected ${entry.projectedAtTrueUp}`
              : undefined
          }
        />
      ),
    },
    {
      id: 'details',
      label: 'Details',
      cell: entry => (
        <Cell>
          <Button
            size="small"
            variant="tertiary"
            aria-expanded={expanded === entry.productId}
            aria-label={`${
              expanded === entry.productId ? 'Hide' : 'Show'
            } details of ${entry.productName}`}
            onPress={() => toggle(entry.productId)}
          >
            {expanded === entry.productId ? 'Hide' : 'Details'}
          </Button>
        </Cell>
      ),
    },
  ];
}

/**
 * The License position tab: per product what is entitled, required at the peak and now,
 * reserved by approved onboarding requests, BYOL against license-included, the position,
 * status, yearly exposure and the true-up; a product's details open below the table.
 */
export function LicensePositionTab() {
  const api = useApi(finopsItamApiRef);
  const { loading, error, value } = useAsync(
    () => api.getLicensePosition(),
    [api],
  );
  const [expanded, setExpanded] = useState<string>();

  if (loading) {
    return <Progress aria-label="Loading the license position" />;
  }
  if (error && isForbiddenError(error)) {
    return (
      <AccessDenied
        what="the license position"
        entityRef="the ITAM workspace"
        askWhom="your ITAM team"
      />
    );
  }
  if (error || !value) {
    const cause = error ?? new Error('The backend answered with nothing');
    return (
      <ResponseErrorPanel
        title={`Could not load the license position: ${cause.message}`}
        error={cause}
      />
    );
  }
  const rows = value.map(entry => ({ ...entry, id: entry.productId }));
  const open = rows.find(entry => entry.productId === expanded);
  return (
    <Flex direction="column" gap="3">
      <Text as="h2" variant="title-small">
        License position
      </Text>
      <Text as="p" variant="body-small" color="secondary">
        The{' '}
        <GlossaryTerm term="effective-license-position">
          effective license position
        </GlossaryTerm>{' '}
        of each product: entitled against required at the peak, counting{' '}
        <GlossaryTerm term="byol">BYOL</GlossaryTerm> use and not{' '}
        <GlossaryTerm term="license-included">license-included</GlossaryTerm>{' '}
        use, which the cloud bill already pays. A shortage is bought at the{' '}
        <GlossaryTerm term="true-up">true-up</GlossaryTerm>.
      </Text>
      <DataTable
        label="License position"
        columns={columns(expanded, productId =>
          setExpanded(current =>
            current === productId ? undefined : productId,
          ),
        )}
        items={rows}
        empty={
          <Text as="p" color="secondary">
            No product has an entitlement, consumption or reservation yet. Add
            entitlements with PUT /api/finops-itam/licenses/entitlements or a
            license source, and license tags on cloud resources.
          </Text>
        }
      />
      {open && <PositionDetails entry={open} />}
    </Flex>
  );
}
