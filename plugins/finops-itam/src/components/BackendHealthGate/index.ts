export { BackendHealthGate } from './BackendHealthGate';
