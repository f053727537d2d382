// The frame around every screen after login: brand, role-based navigation, the user and logout. On a phone the
// navigation, the user and the account buttons move into a drawer opened by a menu button (styles.css). The search
// box (search/TopSearch) sits before the bell; on a phone it is a button opening a full-width panel.
import { Suspense, useEffect, useState } from 'react';
import { Button, Drawer, Layout, Menu, Tooltip } from 'antd';
import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Me } from '../../../shared/api';
import { useAuth, useMe } from '../auth';
import { roleLabels } from '../labels';
import { canImport, canManagePlans, isUnitRole } from '../permissions';
import { PageLoading } from './PageLoading';
import NotificationBell from '../run/NotificationBell';
import TopSearch from '../search/TopSearch';
import { runNav } from '../run/runNav';

interface NavItem {
  key: string;
  label: string;
}

function navFor(me: Me): NavItem[] {
  const items: NavItem[] = [{ key: '/home', label: '首页' }];
  const unitFirst = isUnitRole(me) && !canManagePlans(me);
  if (unitFirst) items.push({ key: '/my-tasks', label: '我的任务' });
  items.push({ key: '/plans', label: '规划列表' });
  items.push({ key: '/projects', label: '项目库' });
  if (canImport(me)) items.push({ key: '/imports', label: '导入规划' });
  items.push(...runNav(me));
  items.push({ key: '/checkups', label: '城市体检' }, { key: '/map', label: '一图呈现' });
  items.push({ key: '/units', label: '单位库' });
  if (me.roles.includes('admin')) items.push({ key: '/users', label: '用户管理' });
  if (!unitFirst && me.unitId) items.push({ key: '/my-tasks', label: '本单位任务' });
  return items;
}

/** Screens that manage their own scrolling (split panes). */
const fullBleed = [/^\/imports\/\d+/];

export default function AppLayout() {
  const me = useMe();
  const { logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const items = navFor(me);
  const selected = items.filter((i) => location.pathname.startsWith(i.key)).map((i) => i.key);
  const full = fullBleed.some((r) => r.test(location.pathname));
  const roles = me.roles.map((r) => roleLabels[r] ?? r).join('、');
  const [navOpen, setNavOpen] = useState(false);
  useEffect(() => setNavOpen(false), [location.pathname]);
  const menuItems = items.map((i) => ({ key: i.key, label: <Link to={i.key}>{i.label}</Link> }));
  const signOut = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <Layout className="app-layout">
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <Layout.Header className="app-header">
        <Button className="app-nav-toggle" type="text" icon={<MenuOutlined />} aria-label="打开导航菜单" aria-expanded={navOpen} onClick={() => setNavOpen(true)} />
        <Link to="/" className="app-brand">
          落实<small>规划实施管理平台</small>
        </Link>
        <Menu className="app-nav" theme="dark" mode="horizontal" selectedKeys={selected} items={menuItems} style={{ background: 'transparent' }} />
        <div className="app-user">
          <TopSearch />
          <NotificationBell />
          <Tooltip title={`${roles}${me.unitName ? ' · ' + me.unitName : ''}`}>
            <span className="app-user-name">
              <UserOutlined /> {me.displayName}
              <span style={{ opacity: 0.75, marginLeft: 6 }}>{me.unitName ?? roles}</span>
            </span>
          </Tooltip>
          {/* icons with their names as tooltips: the room goes to the navigation and the search box */}
          <Tooltip title="修改密码">
            <Button className="app-user-action" type="text" size="small" icon={<KeyOutlined />} aria-label="修改密码" onClick={() => navigate('/password')} />
          </Tooltip>
          <Tooltip title="退出">
            <Button className="app-user-action" type="text" size="small" icon={<LogoutOutlined />} aria-label="退出" onClick={signOut} />
          </Tooltip>
        </div>
      </Layout.Header>
      <Drawer className="app-nav-drawer" placement="left" size={280} open={navOpen} onClose={() => setNavOpen(false)} title="落实 · 规划实施管理平台">
        <div className="app-nav-drawer-user">
          <UserOutlined /> {me.displayName}
          <div className="muted">{me.unitName ? `${roles} · ${me.unitName}` : roles}</div>
        </div>
        <Menu mode="inline" selectedKeys={selected} items={menuItems} />
        <div className="app-nav-drawer-actions">
          <Button icon={<KeyOutlined />} onClick={() => navigate('/password')} block>
            修改密码
          </Button>
          <Button icon={<LogoutOutlined />} onClick={signOut} block>
            退出
          </Button>
        </div>
      </Drawer>
      <Layout.Content id="main" className={full ? 'app-content full' : 'app-content'}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
