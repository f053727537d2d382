// The frame of the public pages: a plain header and footer, no navigation of the internal system.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import './public.css';

export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <div className="public-page">
      <header className="public-header">
        <Link to="/public">落实</Link>
        <span>规划实施进展公开</span>
      </header>
      <main id="main" className="public-main">
        {children}
      </main>
      <footer className="public-footer">本页公开已发布规划的实施进展,数据由规划实施管理平台按各单位报送情况自动汇总。</footer>
    </div>
  );
}
