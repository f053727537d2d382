// The task detail in a drawer over the list it was opened from (?task=ID in the address).
import { Drawer } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { TaskDetailView } from './TaskDetailView';

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
        <TaskDetailView
          taskId={id}
          showPlanLink={showPlanLink}
          onChanged={onChanged}
          onDeleted={() => {
            onChanged?.();
            onClose();
          }}
        />
      )}
    </Drawer>
  );
}
