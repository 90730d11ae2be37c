import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  finopsItamCostConditionalDecision,
  finopsItamCostConditions,
  finopsItamCostReadPermission,
} from '@finops-itam/plugin-finops-itam-common';

// Policy authors may build cost conditions from -common (no catalog-backend import) or with
// the catalog's own helpers; the catalog must receive the same decision either way.
describe('the cost conditions of finops-itam-common', () => {
  it("are the catalog's conditions and conditional decision", () => {
    const claims = ['user:default/alice', 'group:default/team-a'];
    const kinds = ['Component', 'Resource'];
    expect(finopsItamCostConditions.isEntityOwner({ claims })).toEqual(
      catalogConditions.isEntityOwner({ claims }),
    );
    expect(finopsItamCostConditions.isEntityKind({ kinds })).toEqual(
      catalogConditions.isEntityKind({ kinds }),
    );
    const owner = finopsItamCostConditions.isEntityOwner({ claims });
    expect(finopsItamCostConditionalDecision(owner)).toEqual(
      createCatalogConditionalDecision(finopsItamCostReadPermission, owner),
    );
  });
});
