export { SettingsList } from './SettingsList';
