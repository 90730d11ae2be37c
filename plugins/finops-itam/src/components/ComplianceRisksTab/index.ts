export { ComplianceRisksTab } from './ComplianceRisksTab';
