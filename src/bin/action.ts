import { main } from '../action.js'

void main()
