// The frame around every screen after login: brand, role-based navigation, the user and logout.
import { Suspense } from 'react';
import { Button, Layout, Menu, Tooltip } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Me } from '../../../shared/api';
import { useAuth, useMe } from '../auth';
import { roleLabels } from '../labels';
import { canImport, canManagePlans, isUnitRole } from '../permissions';
import { PageLoading } from './PageLoading';
import NotificationBell from '../run/NotificationBell';
import { runNav } from '../run/runNav';

interface NavItem {
  key: string;
  label: string;
}

function navFor(me: Me): NavItem[] {
  const items: NavItem[] = [];
  const unitFirst = isUnitRole(me) && !canManagePlans(me);
  if (unitFirst) items.push({ key: '/my-tasks', label: '我的任务' });
  items.push({ key: '/plans', label: '规划列表' });
  if (canImport(me)) items.push({ key: '/imports', label: '导入规划' });
  items.push(...runNav(me));
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

  return (
    <Layout className="app-layout">
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <Layout.Header className="app-header">
        <Link to="/" className="app-brand">
          落实<small>规划实施管理平台</small>
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={selected}
          items={items.map((i) => ({ key: i.key, label: <Link to={i.key}>{i.label}</Link> }))}
          style={{ background: 'transparent' }}
        />
        <div className="app-user">
          <NotificationBell />
          <Tooltip title={`${roles}${me.unitName ? ' · ' + me.unitName : ''}`}>
            <span>
              <UserOutlined /> {me.displayName}
              <span style={{ opacity: 0.75, marginLeft: 6 }}>{me.unitName ?? roles}</span>
            </span>
          </Tooltip>
          <Button type="text" size="small" icon={<KeyOutlined />} onClick={() => navigate('/password')}>
            修改密码
          </Button>
          <Button
            type="text"
            size="small"
            icon={<LogoutOutlined />}
            onClick={async () => {
              await logout();
              navigate('/login', { replace: true });
            }}
          >
            退出
          </Button>
        </div>
      </Layout.Header>
      <Layout.Content id="main" className={full ? 'app-content full' : 'app-content'}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
