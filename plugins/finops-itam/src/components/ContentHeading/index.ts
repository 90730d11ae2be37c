export { ContentHeading } from './ContentHeading';
