// The task detail in a drawer over the list it was opened from (?task=ID in the address).
import { lazy, Suspense } from 'react';
import { Drawer } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading';

// loaded when a task is opened: the list screens that hold the drawer stay light
const TaskDetailView = lazy(() => import('./TaskDetailView').then((m) => ({ default: m.TaskDetailView })));

export function useTaskDrawer() {
  const [params, setParams] = useSearchParams();
  const id = Number(params.get('task')) || null;
  const open = (taskId: number) => {
    const next = new URLSearchParams(params);
    next.set('task', String(taskId));
    setParams(next);
  };
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete('task');
    setParams(next);
  };
  return { id, open, close };
}

export function TaskDrawer({ id, onClose, showPlanLink, onChanged }: { id: number | null; onClose: () => void; showPlanLink?: boolean; onChanged?: () => void }) {
  return (
    <Drawer open={id !== null} onClose={onClose} title="任务详情" size={620} destroyOnHidden>
      {id !== null && (
        <Suspense fallback={<PageLoading />}>
          <TaskDetailView
            taskId={id}
            showPlanLink={showPlanLink}
            onChanged={onChanged}
            onDeleted={() => {
              onChanged?.();
              onClose();
            }}
          />
        </Suspense>
      )}
    </Drawer>
  );
}
