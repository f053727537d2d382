// Routes, each screen loaded on demand so the login page stays light.
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth';
import { homePath } from './permissions';
import { PageLoading } from './components/PageLoading';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const AppLayout = lazy(() => import('./components/AppLayout'));
const PlanListPage = lazy(() => import('./pages/PlanListPage'));
const PlanDetailPage = lazy(() => import('./plan/PlanDetailPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const ImportReviewPage = lazy(() => import('./review/ImportReviewPage'));
const MyTasksPage = lazy(() => import('./pages/MyTasksPage'));
const UnitsPage = lazy(() => import('./pages/UnitsPage'));
const TaskPage = lazy(() => import('./task/TaskPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <PageLoading tip="正在验证登录状态…" />;
  if (me === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

function Home() {
  const { me } = useAuth();
  return me ? <Navigate to={homePath(me)} replace /> : null;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<Home />} />
          <Route path="plans" element={<PlanListPage />} />
          <Route path="plans/:id" element={<PlanDetailPage />} />
          <Route path="imports" element={<ImportPage />} />
          <Route path="imports/:id" element={<ImportReviewPage />} />
          <Route path="my-tasks" element={<MyTasksPage />} />
          <Route path="units" element={<UnitsPage />} />
          <Route path="tasks/:id" element={<TaskPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
