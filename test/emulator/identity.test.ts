// Session.getActiveUser().getEmail() in a simple trigger is '' unless the user is the owner or
// in the owner's Workspace domain (https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
import { project } from './fixture';

const CODE = `
function onOpen(e) {
  PropertiesService.getDocumentProperties().setProperty('seen', Session.getActiveUser().getEmail());
}
function who() { return Session.getActiveUser().getEmail(); }
function seen() { return PropertiesService.getDocumentProperties().getProperty('seen'); }
`;

describe('who a simple trigger sees', () => {
  it('shows every user inside the owner Workspace domain (the default)', () => {
    const { project: p, emulator } = project(CODE, { activeUser: 'head@example.com' });
    expect(emulator.identity).toEqual({ owner: 'head@example.com', sameDomain: true });
    p.open({ user: 'manager@example.com' });
    expect(p.run('seen')).toBe('manager@example.com');
    expect(emulator.simpleTriggerEmail('manager@example.com')).toBe('manager@example.com');
  });

  it("hides everyone but the owner outside the owner's domain (consumer accounts)", () => {
    const { project: p, emulator } = project(CODE, {
      activeUser: 'head@gmail.com',
      sameDomain: false,
    });
    p.open({ user: 'manager@gmail.com' });
    expect(p.run('seen')).toBe('');
    expect(p.run('who', [], { authMode: 'LIMITED', user: 'manager@gmail.com' })).toBe('');
    expect(emulator.simpleTriggerEmail('manager@gmail.com')).toBe('');
    // The owner is always known, and a menu item (the user authorized it) always tells.
    p.open({ user: 'head@gmail.com' });
    expect(p.run('seen')).toBe('head@gmail.com');
    expect(p.run('who', [], { user: 'manager@gmail.com' })).toBe('manager@gmail.com');
    expect(p.rpc('who', [], { user: 'manager@gmail.com' })).toBe('manager@gmail.com');
  });

  it('can switch between the two settings', () => {
    const { project: p, emulator } = project(CODE);
    emulator.setSameDomain(false);
    expect(p.run('who', [], { authMode: 'LIMITED', user: 'm@example.com' })).toBe('');
    emulator.setSameDomain(true);
    expect(p.run('who', [], { authMode: 'LIMITED', user: 'm@example.com' })).toBe('m@example.com');
  });
});
