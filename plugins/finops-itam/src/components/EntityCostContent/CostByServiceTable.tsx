import { InfoCard } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { compareDecimals, formatAmount } from '../../lib';

/** The entity's cost by cloud service, costliest first. */
export function CostByServiceTable(props: {
  byService: EntityCostResponse['byService'];
  currency: string;
}) {
  const { byService, currency } = props;
  const rows = [...byService].sort(
    (a, b) =>
      compareDecimals(b.total, a.total) ||
      (a.serviceName ?? '').localeCompare(b.serviceName ?? ''),
  );

  return (
    <InfoCard title="Cost by service">
      {rows.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No service breakdown for this period.
        </Typography>
      ) : (
        <Table size="small" aria-label="Cost by service">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Service
              </TableCell>
              <TableCell component="th" scope="col">
                Category
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Cost
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, index) => (
              <TableRow
                key={`${row.serviceName}-${row.serviceCategory}-${index}`}
              >
                <TableCell component="th" scope="row">
                  {row.serviceName ?? 'No service name'}
                </TableCell>
                <TableCell>{row.serviceCategory ?? '—'}</TableCell>
                <TableCell align="right">
                  {formatAmount(row.total, currency)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
