import { dailyRequirement } from './dailyRequirement';
import {
  DATACENTER,
  consumptionsOf,
  m5Host,
  products,
  tenVms,
} from './__testUtils__/dedicatedHostFixtures';

describe('dedicated hosts day by day', () => {
  it('needs the whole host on each day, however often an autoscaling group replaces its VMs', () => {
    const days = ['2026-11-18', '2026-11-19', '2026-11-20'];
    // Ten fresh 4-vCPU VMs a day on host h-0a1, each billed one day only.
    const rows = days.flatMap(day => [
      { ...m5Host, day },
      ...tenVms(DATACENTER, 'h-0a1').map(vm => ({
        ...vm,
        day,
        resourceId: `${vm.resourceId}-${day}`,
      })),
    ]);
    const consumptions = consumptionsOf(rows);
    const daily = dailyRequirement({
      consumptions,
      products,
      from: days[0],
      to: days[2],
    }).get(DATACENTER)!;
    expect(days.map(day => daily.get(day)!.needed)).toEqual([48, 48, 48]);
    // The day's 48 are shared out over the VMs in whole licenses by vCPUs (4.8 each): 6 VMs and 4.
    const shares = [...daily.get(days[0])!.shares.values()].map(s => [
      s.entityRef,
      s.required,
    ]);
    expect(shares).toEqual([
      ['component:default/a', 30],
      ['component:default/b', 18],
    ]);
  });

  it('licenses Windows Server Standard hosts again on days with more VMs', () => {
    const standard = 'microsoft-windows-server-standard';
    const vms = tenVms(standard, 'h-0a1');
    const rows = [
      { ...m5Host, day: '2026-11-19' },
      { ...m5Host, day: '2026-11-20' },
      ...vms.slice(0, 2).map(vm => ({ ...vm, day: '2026-11-19' })),
      ...vms.slice(0, 3).map(vm => ({ ...vm, day: '2026-11-20' })),
    ];
    const daily = dailyRequirement({
      consumptions: consumptionsOf(rows),
      products,
      from: '2026-11-19',
      to: '2026-11-20',
    }).get(standard)!;
    expect([
      daily.get('2026-11-19')!.needed,
      daily.get('2026-11-20')!.needed,
    ]).toEqual([48, 96]);
  });
});
