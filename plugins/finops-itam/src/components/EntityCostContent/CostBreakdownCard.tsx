import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tab from '@material-ui/core/Tab';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { downloadTextFile, formatAmount } from '../../lib';
import {
  BREAKDOWN_VIEWS,
  BreakdownColumn,
  BreakdownRow,
  BreakdownView,
  breakdownCsv,
  breakdownFileName,
  breakdownOf,
  sortBreakdown,
} from './breakdown';
import { SortableHeaderCell, SortState } from '../SortableHeaderCell';

const EMPTY_CELL: Record<string, string> = {
  serviceName: 'No service name',
  resourceName: 'No resource name',
};

function cellText(
  column: BreakdownColumn,
  row: BreakdownRow,
  currency: string,
) {
  const value = row[column.key];
  if (value === null || value === undefined) {
    return EMPTY_CELL[column.key] ?? '—';
  }
  if (column.key === 'share') {
    return `${value}%`;
  }
  return column.amount ? formatAmount(value, currency) : value;
}

/**
 * The entity's direct (cloud) cost by service, charge category or resource, sortable by any
 * column, with the rows as shown downloadable as CSV.
 */
export function CostBreakdownCard(props: {
  cost: EntityCostResponse;
  currency: string;
  entityName: string;
}) {
  const { cost, currency, entityName } = props;
  const [view, setView] = useState<BreakdownView>('service');
  const [sort, setSort] = useState<SortState<string>>({
    by: 'total',
    direction: 'desc',
  });
  const breakdown = breakdownOf(cost, view);
  const rows = sortBreakdown(breakdown, sort.by, sort.direction);
  const viewLabel = BREAKDOWN_VIEWS.find(v => v.view === view)!.label;
  const tableName = `Cost by ${viewLabel.toLowerCase()}`;

  return (
    <InfoCard
      title="Breakdown"
      subheader={
        view === 'resource'
          ? 'Directly allocated cloud cost per resource, the 100 costliest'
          : 'Directly allocated cloud cost; shared and license cost are not broken down'
      }
      action={
        <Button
          size="small"
          variant="outlined"
          startIcon={<GetAppIcon />}
          disabled={rows.length === 0}
          onClick={() =>
            downloadTextFile(
              breakdownFileName(entityName, view, cost),
              breakdownCsv(cost, currency, breakdown, rows),
            )
          }
        >
          Download CSV
        </Button>
      }
    >
      <Tabs
        value={view}
        onChange={(_event, next: BreakdownView) => setView(next)}
        indicatorColor="primary"
        textColor="primary"
        aria-label="Break down by"
      >
        {BREAKDOWN_VIEWS.map(option => (
          <Tab key={option.view} value={option.view} label={option.label} />
        ))}
      </Tabs>
      <Box mt={1} minHeight={120}>
        {!breakdown.available && (
          <Typography variant="body2" color="textSecondary">
            This backend does not break cost down by resource yet.
          </Typography>
        )}
        {breakdown.available && rows.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            No {viewLabel.toLowerCase()} breakdown for this period.
          </Typography>
        )}
        {rows.length > 0 && (
          <Table size="small" aria-label={tableName}>
            <TableHead>
              <TableRow>
                {breakdown.columns.map(column => (
                  <SortableHeaderCell
                    key={column.key}
                    column={column.key}
                    sort={sort}
                    onSort={setSort}
                    // Amounts are most useful costliest first, names from A.
                    firstDirection={column.amount ? 'desc' : 'asc'}
                    align={column.amount ? 'right' : 'left'}
                  >
                    {column.label}
                  </SortableHeaderCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row, index) => (
                <TableRow
                  key={`${breakdown.columns
                    .map(c => row[c.key])
                    .join('|')}-${index}`}
                >
                  {breakdown.columns.map((column, columnIndex) => (
                    <TableCell
                      key={column.key}
                      component={columnIndex === 0 ? 'th' : 'td'}
                      scope={columnIndex === 0 ? 'row' : undefined}
                      align={column.amount ? 'right' : 'left'}
                      style={
                        column.key === 'resourceId'
                          ? {
                              overflowWrap: 'anywhere',
                              fontFamily: 'monospace',
                            }
                          : undefined
                      }
                    >
                      {cellText(column, row, currency)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
    </InfoCard>
  );
}
