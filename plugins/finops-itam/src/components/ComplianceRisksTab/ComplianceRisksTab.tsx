import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Cell, CellText, Flex, Text } from '@backstage/ui';
import {
  LicenseComplianceRisk,
  LicenseComplianceRiskKind,
} from '@finops-itam/plugin-finops-itam-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { AccessDenied, isForbiddenError } from '../AccessDenied';
import { DataColumn, DataTable } from '../DataTable';
import { FLAG_LABELS } from '../EntityLicensesContent/licenseLabels';
import { EntityLink } from '../EntityLink';
import { GlossaryTerm } from '../GlossaryTerm';

type Row = LicenseComplianceRisk & { id: string };

/** The order of the groups: risks that cost money in an audit first. */
const KINDS: LicenseComplianceRiskKind[] = [
  'byol-not-allowed',
  'unauthorized-product',
  'unknown-product',
  'unknown-size',
];

function refCell(entityRef: string | null, defaultKind: string) {
  return entityRef ? (
    <Cell>
      <EntityLink entityRef={entityRef} defaultKind={defaultKind} />
    </Cell>
  ) : (
    <CellText title="Unknown" color="secondary" />
  );
}

const COLUMNS: DataColumn<Row>[] = [
  {
    id: 'product',
    label: 'Product',
    isRowHeader: true,
    cell: risk => (
      <CellText
        title={risk.productName}
        description={risk.productId ?? undefined}
      />
    ),
  },
  {
    id: 'entity',
    label: 'Run by',
    cell: risk => refCell(risk.entityRef, 'component'),
  },
  {
    id: 'owner',
    label: 'Owner',
    cell: risk => refCell(risk.owner, 'group'),
  },
  {
    id: 'resource',
    label: 'Resource',
    cell: risk => <CellText title={risk.resourceId ?? '—'} />,
  },
  {
    id: 'detail',
    label: 'Detail',
    cell: risk => <CellText title={risk.detail} />,
  },
];

/**
 * The Compliance risks tab: BYOL outside its rights, blocked products, unknown products and
 * unknown sizes, grouped by kind, with who runs each and who owns it.
 */
export function ComplianceRisksTab() {
  const api = useApi(finopsItamApiRef);
  const { loading, error, value } = useAsync(
    () => api.getLicenseComplianceRisks(),
    [api],
  );

  if (loading) {
    return <Progress aria-label="Loading the compliance risks" />;
  }
  if (error && isForbiddenError(error)) {
    return (
      <AccessDenied
        what="license compliance risks"
        entityRef="the ITAM workspace"
        askWhom="your ITAM team"
      />
    );
  }
  if (error || !value) {
    const cause = error ?? new Error('The backend answered with nothing');
    return (
      <ResponseErrorPanel
        title={`Could not load the compliance risks: ${cause.message}`}
        error={cause}
      />
    );
  }
  if (value.risks.length === 0) {
    return (
      <Flex direction="column" gap="2">
        <Text as="h2" variant="title-small">
          Compliance risks
        </Text>
        <Text as="p">No compliance risks found.</Text>
        <Text as="p" color="secondary">
          <GlossaryTerm term="byol">BYOL</GlossaryTerm> deployments outside
          their rights, blocked products, and products or sizes the license
          engine cannot count appear here as cost data shows them.
        </Text>
      </Flex>
    );
  }
  const groups = KINDS.map(kind => ({
    kind,
    rows: value.risks
      .filter(risk => risk.kind === kind)
      .map((risk, index) => ({ ...risk, id: `${kind}-${index}` })),
  })).filter(group => group.rows.length > 0);

  return (
    <Flex direction="column" gap="4">
      <Text as="h2" variant="title-small">
        Compliance risks
      </Text>
      {groups.map(({ kind, rows }) => {
        const described = FLAG_LABELS[kind];
        return (
          <Flex key={kind} direction="column" gap="2">
            <Text as="h3" variant="title-x-small">
              {described.label} ({rows.length})
            </Text>
            <Text as="p" variant="body-small" color="secondary">
              {described.explanation}
            </Text>
            <DataTable
              label={described.label}
              columns={COLUMNS}
              items={rows}
              empty={null}
            />
          </Flex>
        );
      })}
    </Flex>
  );
}
