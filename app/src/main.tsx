import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AuthProvider } from './auth';
import { AppRoutes } from './routes';
import { QueryClientProvider } from '@tanstack/react-query';
import { ErrorBridge } from './components/ErrorBridge';
import { queryClient } from './useRequest';
import { uiFont } from './uiFont';
import './styles.css';

dayjs.locale('zh-cn');

const theme = {
  token: {
    colorPrimary: '#b4232a',
    borderRadius: 4,
    fontFamily: uiFont,
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={zhCN} theme={theme}>
        <AntApp>
          <ErrorBridge />
          <BrowserRouter>
            <AuthProvider>
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  </StrictMode>,
);
