import { useParams } from 'react-router-dom';
import { TaskDetailView } from './TaskDetailView';

export default function TaskPage() {
  const id = Number(useParams().id);
  return (
    <section style={{ background: '#fff', padding: 16, borderRadius: 6, maxWidth: 960 }}>
      <TaskDetailView taskId={id} />
    </section>
  );
}
