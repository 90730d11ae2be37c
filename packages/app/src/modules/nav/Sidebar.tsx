import {
  Sidebar,
  sidebarConfig,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import {
  NavContentBlueprint,
  NavContentComponentProps,
} from '@backstage/plugin-app-react';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import MenuIcon from '@material-ui/icons/Menu';
import { SidebarLogo } from './SidebarLogo';

const useLandmarkStyles = makeStyles(theme => ({
  '@global': {
    // The desktop Sidebar's <nav> landmark holds only fixed-position children, so it has
    // no box of its own: assistive tools that outline landmarks, and browser tests, see
    // nothing. Give it the area where the collapsed sidebar is drawn, above the content as
    // the drawer itself is. (The mobile sidebar renders a different, unlabelled <nav>.)
    'nav[aria-label="sidebar nav"]': {
      position: 'fixed',
      top: 0,
      bottom: 0,
      left: 0,
      width: sidebarConfig.drawerWidthClosed,
      zIndex: theme.zIndex.appBar,
    },
  },
}));

function SidebarNav({ navItems }: NavContentComponentProps) {
  useLandmarkStyles();
  const nav = navItems.withComponent(item => (
    <SidebarItem icon={() => item.icon} to={item.href} text={item.title} />
  ));

  return (
    <Sidebar>
      <SidebarLogo />
      <SidebarGroup label="Menu" icon={<MenuIcon />}>
        {nav.take('page:catalog')}
        <SidebarDivider />
        <SidebarScrollWrapper>
          {nav.rest({ sortBy: 'title' })}
        </SidebarScrollWrapper>
      </SidebarGroup>
      <SidebarSpace />
      <SidebarDivider />
      <SidebarGroup
        label="Settings"
        icon={<UserSettingsSignInAvatar />}
        to="/settings"
      >
        {nav.take('page:user-settings')}
      </SidebarGroup>
    </Sidebar>
  );
}

export const SidebarContent = NavContentBlueprint.make({
  params: { component: SidebarNav },
});
