export { fieldProblem } from './fieldProblem';
export { SimpleSelect } from './SimpleSelect';
export type { SelectChoice } from './SimpleSelect';
