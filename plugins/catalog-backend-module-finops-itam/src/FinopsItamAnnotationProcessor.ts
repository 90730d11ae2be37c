import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { parseFinopsItamAnnotations } from '@finops-itam/plugin-finops-itam-common';

/**
 * Reports malformed finops-itam annotations as catalog processing errors, so a typo in a
 * cost or license annotation is visible on the entity instead of silently dropping costs.
 *
 * @remarks
 * The catalog does not store a new version of an entity whose processing emitted an
 * error: an existing entity keeps its last valid version, with the error attached, until
 * the annotation is fixed; a new entity appears once it is fixed.
 *
 * @public
 */
export class FinopsItamAnnotationProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'FinopsItamAnnotationProcessor';
  }

  // Post-processing runs after the catalog has validated the entity, so annotations are
  // known to be strings and our errors are not mixed up with envelope errors.
  async postProcessEntity(
    entity: Entity,
    // catalog-node's LocationSpec is deprecated and plugin-catalog-common is not a
    // dependency; the location that inputError accepts is the same type.
    location: Parameters<typeof processingResult.inputError>[0],
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const { errors } = parseFinopsItamAnnotations(
      entity.metadata.annotations ?? {},
    );
    for (const [key, messages] of Object.entries(errors)) {
      emit(
        processingResult.inputError(
          location,
          `Entity ${stringifyEntityRef(
            entity,
          )} has an invalid "${key}" annotation: ${messages.join('; ')}`,
        ),
      );
    }
    return entity;
  }
}
