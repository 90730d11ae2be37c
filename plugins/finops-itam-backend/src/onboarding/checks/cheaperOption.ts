import { OnboardingCheck } from '@finops-itam/plugin-finops-itam-common';
import { Money, MoneyValue } from '../../money';
import { listInWords, passed, warned } from './checkResult';
import { entitlementMonthlyUnitCost } from './entitlementUnitCost';
import { licenseIncludedPremium } from './licenseIncludedPremium';
import { CheckExtras } from './checkExtras';
import { IndexedDeployment, countPlannedProduct } from './plannedCounts';
import { CheckContext, OnboardingPlan } from './types';

const ID = 'cheaper-option';

type Model = 'byol' | 'license-included';

/** Every product the deployments run, with its deployments and the model each chose. */
function productsOnDeployments(plan: OnboardingPlan) {
  const out = new Map<
    string,
    { deployments: IndexedDeployment[]; models: Set<Model> }
  >();
  plan.deployments.forEach((deployment, index) => {
    for (const p of deployment.products) {
      const entry = out.get(p.productId) ?? {
        deployments: [],
        models: new Set<Model>(),
      };
      entry.deployments.push({ deployment, index });
      entry.models.add(p.licenseModel);
      out.set(p.productId, entry);
    }
  });
  return out;
}

const cents = (amount: MoneyValue) => amount.toDecimalPlaces(2);

/**
 * `cheaper-option`: for each product the deployments run, BYOL (the licenses its counting
 * rule needs at the entitlements' price per license) against license-included (the
 * provider's premium), both a month for the same deployments; says which is cheaper and by
 * how much.
 */
export function checkCheaperOption(
  plan: OnboardingPlan,
  context: CheckContext & CheckExtras,
): OnboardingCheck {
  const day = plan.goLive > context.today ? plan.goLive : context.today;
  const details: string[] = [];
  const dearer: string[] = [];
  const unknown: string[] = [];
  const cheaper: string[] = [];
  for (const [productId, { deployments, models }] of productsOnDeployments(
    plan,
  )) {
    const product = context.products.get(productId);
    if (!product) continue;
    const name = product.name;
    const unit = entitlementMonthlyUnitCost(
      productId,
      context.entitlements,
      day,
    );
    const premiums = deployments.map(({ deployment }) =>
      licenseIncludedPremium(
        productId,
        deployment,
        context.licenseIncludedPrices,
      ),
    );
    if (!unit || premiums.some(p => p === null)) {
      unknown.push(name);
      details.push(
        `${name}: ${
          unit ? '' : 'no BYOL price (no entitlement with a cost in force)'
        }${!unit && premiums.some(p => p === null) ? '; ' : ''}${
          premiums.some(p => p === null)
            ? 'no license-included price recorded'
            : ''
        }`,
      );
      continue;
    }
    const currencies = new Set([
      unit.currency,
      ...premiums.map(p => p!.currency),
    ]);
    if (currencies.size > 1) {
      unknown.push(name);
      details.push(
        `${name}: BYOL and license-included prices are in ${[
          ...currencies,
        ].join(' and ')}; not converted`,
      );
      continue;
    }
    const { quantity } = countPlannedProduct(
      product,
      deployments,
      context.hostTypes,
    );
    const byol = cents(unit.perLicense.times(quantity));
    const included = cents(
      premiums.reduce((sum, p) => sum.plus(p!.monthly), new Money(0)),
    );
    const currency = unit.currency;
    const chosen: Model | 'mixed' =
      models.size === 1 ? [...models][0] : 'mixed';
    details.push(
      `${name}: BYOL ${byol.toFixed(
        2,
      )} ${currency} a month (${quantity} licenses; ${
        unit.basis
      }); license-included ${included.toFixed(
        2,
      )} ${currency} a month (${premiums
        .map(p => p!.basis)
        .join('; ')}); planned ${chosen}`,
    );
    const difference = byol.minus(included).abs().toFixed(2);
    if (byol.eq(included)) {
      cheaper.push(`${name} costs the same either way`);
      continue;
    }
    const cheapest: Model = byol.lt(included) ? 'byol' : 'license-included';
    const text = `${name}: ${
      cheapest === 'byol' ? 'BYOL' : 'license-included'
    } is cheaper by ${difference} ${currency} a month`;
    if (chosen === cheapest) cheaper.push(text);
    else dearer.push(text);
  }
  if (dearer.length > 0) {
    return warned(
      ID,
      `${dearer.join('. ')}.`,
      'Switch the license model of those products, or record why the dearer one is chosen.',
      details,
    );
  }
  if (unknown.length > 0) {
    return warned(
      ID,
      `Cannot compare BYOL with license-included for ${listInWords(
        unknown,
      )}: a price is missing.${
        cheaper.length > 0 ? ` ${cheaper.join('. ')}.` : ''
      }`,
      'Record the entitlements’ cost and the license-included price of those products.',
      details,
    );
  }
  if (cheaper.length === 0) {
    return passed(ID, 'No licensed product runs on the deployments.', details);
  }
  return passed(
    ID,
    `The planned license models are the cheaper ones: ${cheaper.join('. ')}.`,
    details,
  );
}
