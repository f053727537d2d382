// Lets the API client show errors through antd's context-aware message API.
import { useEffect } from 'react';
import { App } from 'antd';
import { setErrorNotifier } from '../api';

export function ErrorBridge() {
  const { message } = App.useApp();
  useEffect(() => setErrorNotifier((text) => void message.error(text)), [message]);
  return null;
}
