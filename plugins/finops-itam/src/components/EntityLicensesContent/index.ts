export { EntityLicensesContent } from './EntityLicensesContent';
