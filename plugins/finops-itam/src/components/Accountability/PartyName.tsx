import { AccountableParty } from '@finops-itam/plugin-finops-itam-common';
import { EntityLink } from '../EntityLink';

/** A role's title, with the group behind it when the configuration names one. */
export function PartyName(props: { party: AccountableParty }) {
  const { party } = props;
  return (
    <>
      {party.title}
      {party.ref && (
        <>
          {' ('}
          <EntityLink entityRef={party.ref} defaultKind="group" />)
        </>
      )}
    </>
  );
}
