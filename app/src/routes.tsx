// Routes, each screen loaded on demand so the login page stays light.
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth';
import { homePath } from './permissions';
import { PageLoading } from './components/PageLoading';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const AppLayout = lazy(() => import('./components/AppLayout'));
const HomePage = lazy(() => import('./home/HomePage'));
const PlanListPage = lazy(() => import('./pages/PlanListPage'));
const PlanDetailPage = lazy(() => import('./plan/PlanDetailPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const ImportReviewPage = lazy(() => import('./review/ImportReviewPage'));
const MyTasksPage = lazy(() => import('./pages/MyTasksPage'));
const UnitsPage = lazy(() => import('./pages/UnitsPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const ChangePasswordPage = lazy(() => import('./pages/ChangePasswordPage'));
const TaskPage = lazy(() => import('./task/TaskPage'));
const ProjectLibraryPage = lazy(() => import('./projects/ProjectLibraryPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const MyReportsPage = lazy(() => import('./run/MyReportsPage'));
const ReportGridPage = lazy(() => import('./bulk/ReportGridPage'));
const BoardPage = lazy(() => import('./run/BoardPage'));
const NoticesPage = lazy(() => import('./run/NoticesPage'));
const EvaluationPage = lazy(() => import('./evaluate/EvaluationPage'));
const CheckupPage = lazy(() => import('./checkup/CheckupPage'));
const MapPage = lazy(() => import('./map/MapPage'));
const PublicListPage = lazy(() => import('./public/PublicListPage'));
const PublicPlanPage = lazy(() => import('./public/PublicPlanPage'));

// After a new build the old chunks are gone (a 404, server/http/staticAssets.ts): a page opened before it that
// now asks for one loads the new build instead of failing, at most once every 10 seconds (no reload loop).
window.addEventListener('vite:preloadError', (event) => {
  const last = Number(sessionStorage.getItem('luoshi:reloadedForBuild') ?? 0);
  if (Date.now() - last < 10_000) return;
  sessionStorage.setItem('luoshi:reloadedForBuild', String(Date.now()));
  event.preventDefault();
  window.location.reload();
});

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
        <Route path="/public" element={<PublicListPage />} />
        <Route path="/public/plans/:id" element={<PublicPlanPage />} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<Home />} />
          <Route path="home" element={<HomePage />} />
          <Route path="plans" element={<PlanListPage />} />
          <Route path="plans/:id" element={<PlanDetailPage />} />
          <Route path="imports" element={<ImportPage />} />
          <Route path="imports/:id" element={<ImportReviewPage />} />
          <Route path="my-tasks" element={<MyTasksPage />} />
          <Route path="units" element={<UnitsPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="password" element={<ChangePasswordPage />} />
          <Route path="tasks/:id" element={<TaskPage />} />
          <Route path="projects" element={<ProjectLibraryPage />} />
          <Route path="reports" element={<MyReportsPage />} />
          <Route path="batch-report" element={<ReportGridPage />} />
          <Route path="board" element={<BoardPage />} />
          <Route path="board/:id" element={<BoardPage />} />
          <Route path="plans/:id/board" element={<BoardPage />} />
          <Route path="notices" element={<NoticesPage />} />
          <Route path="notices/:id" element={<NoticesPage />} />
          <Route path="evaluation" element={<EvaluationPage />} />
          <Route path="checkups" element={<CheckupPage />} />
          <Route path="checkups/:id" element={<CheckupPage />} />
          <Route path="map" element={<MapPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
