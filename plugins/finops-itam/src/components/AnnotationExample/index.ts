export { AnnotationExample } from './AnnotationExample';
