export { CheckPicture } from './CheckPicture';
